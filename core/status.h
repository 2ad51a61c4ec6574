// Status and Result<T>: errors as values. Core throws nothing.
//
// A Status carries a code (what kind of failure) and the message exactly as the
// user sees it on stderr, e.g. "Error response from daemon: node nosuch not found".
// An OK status allocates nothing.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace swarmsim {

class [[nodiscard]] Status {
 public:
  // kInvalidFlag: a command-line flag or its value is wrong; the CLI adds the
  // command's usage and exits 125, as docker does for pflag's errors.
  enum class Code { kOk, kInvalidArgument, kNotFound, kAlreadyExists, kFailedPrecondition,
                    kCorruption, kIOError, kUnknown, kInvalidFlag };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) { return Status(Code::kAlreadyExists, std::move(msg)); }
  static Status FailedPrecondition(std::string msg) { return Status(Code::kFailedPrecondition, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Unknown(std::string msg) { return Status(Code::kUnknown, std::move(msg)); }
  static Status InvalidFlag(std::string msg) { return Status(Code::kInvalidFlag, std::move(msg)); }

  // Errors the real daemon returns are printed by the docker CLI behind this prefix.
  static Status Daemon(Code code, const std::string& msg) {
    return Status(code, "Error response from daemon: " + msg);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a status with the same code and `prefix` put before the message
  // (docker's "failed to create service todo_web: ..." wrapping).
  Status Wrap(const std::string& prefix) const {
    return ok() ? *this : Status(code_, prefix + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
// REQUIRES: value() only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace swarmsim

// Returns early from the enclosing function when `expr` is not OK.
#define SWARMSIM_RETURN_IF_ERROR(expr)          \
  do {                                          \
    ::swarmsim::Status _st = (expr);            \
    if (!_st.ok()) return _st;                  \
  } while (0)
