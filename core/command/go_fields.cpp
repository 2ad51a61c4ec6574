#include "core/command/go_fields.h"

#include <array>
#include <string_view>

#include "core/format/base64.h"
#include "core/format/go_duration.h"
#include "core/format/time_format.h"

namespace swarmsim {

namespace {

// Field names are enough to tell these apart in the types above: each name below
// is that Go type wherever it occurs in them (a network's Created too).
constexpr std::array<std::string_view, 7> kTimeFields = {"CreatedAt", "UpdatedAt",     "StartedAt", "CompletedAt",
                                                         "Timestamp", "LastExecution", "Created"};
constexpr std::array<std::string_view, 10> kDurationFields = {
    "Delay",    "Monitor",      "Window",        "StopGracePeriod", "Interval",
    "Timeout",  "StartPeriod",  "StartInterval", "HeartbeatPeriod", "NodeCertExpiry"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& names, const std::string& field) {
  for (std::string_view n : names) {
    if (n == field) return true;
  }
  return false;
}

}  // namespace

std::string GoFileMode(uint32_t mode) {
  static constexpr std::string_view kTypes = "dalTLDpSugct?";
  static constexpr std::string_view kPerms = "rwxrwxrwx";
  std::string out;
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (mode & (1u << (31 - i))) out += kTypes[i];
  }
  if (out.empty()) out = "-";
  for (size_t i = 0; i < kPerms.size(); ++i) out += (mode & (1u << (8 - i))) ? kPerms[i] : '-';
  return out;
}

std::optional<std::string> SwarmFieldText(const std::string& field, const nlohmann::json& value) {
  if (value.is_string() && OneOf(kTimeFields, field)) {
    const std::string& text = value.get_ref<const std::string&>();
    // Go's zero time lies outside the nanosecond range of a Time.
    if (text == "0001-01-01T00:00:00Z") return "0001-01-01 00:00:00 +0000 UTC";
    auto t = ParseRFC3339(text);
    if (t.ok()) return FormatGoTime(t.value());
    return std::nullopt;
  }
  if (value.is_number_integer() && OneOf(kDurationFields, field)) return FormatGoDuration(value.get<int64_t>());
  if (value.is_number_integer() && field == "Mode") return GoFileMode(value.get<uint32_t>());
  if (value.is_string() && field == "Data") {
    std::string bytes;
    if (!Base64Decode(value.get_ref<const std::string&>(), &bytes)) return std::nullopt;
    std::string out = "[";
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (i > 0) out += ' ';
      out += std::to_string(static_cast<unsigned char>(bytes[i]));
    }
    return out + "]";
  }
  return std::nullopt;
}

}  // namespace swarmsim
