// Where `swarmsim serve` listens: `-H unix:///PATH` or `-H tcp://127.0.0.1:PORT`.
// Loopback only: there is no TLS and no authentication, so any other address is
// refused before anything is opened.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace swarmsim {

struct ListenAddress {
  enum class Kind { kUnix, kTcp };
  Kind kind = Kind::kUnix;
  std::string path;  // unix
  std::string host;  // tcp: a loopback address ("127.0.0.1", "::1", "localhost")
  uint16_t port = 0;
  std::string text;  // as given, for messages
};

// Parses one -H value. Errors (InvalidArgument, one line): an unknown scheme, a
// missing path or port, a non-loopback host ("... is not a loopback address: ...").
Result<ListenAddress> ParseListenAddress(const std::string& text);

// The default socket: beside the cluster database ("docker.sock", or
// "docker-NODE.sock" for a node's endpoint).
std::string DefaultSocketPath(const std::string& database_path, const std::string& node);

}  // namespace swarmsim
