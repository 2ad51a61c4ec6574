// Configs and secrets: named, immutable blobs stored in the cluster and mounted
// into containers as files. Swarm gives both the same shape; a secret adds a
// driver and its data never leaves the cluster except into a container.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/model/time.h"

namespace swarmsim {

enum class BlobKind { kConfig, kSecret };

const char* ToString(BlobKind k);  // "config" / "secret"

struct Config {
  std::string id;
  uint64_t version = 0;
  Time created_at = 0;
  Time updated_at = 0;
  std::string name;
  std::map<std::string, std::string> labels;
  std::string data;    // the raw bytes; for secrets never printed outside a container
  std::string driver;  // secrets only; empty for swarm's built-in store
};

}  // namespace swarmsim
