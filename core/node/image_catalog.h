// What the simulator knows about images: their size drives the pull time.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/time.h"

namespace swarmsim {

struct ImageInfo {
  std::string reference;  // normalised "name:tag"
  int64_t size_bytes = 0;
};

// Looks `image` (normalised, "nginx:latest") up in the built-in catalogue;
// unknown images get the default size.
ImageInfo LookupImage(const std::string& image);

// Virtual time a node needs to pull `image`.
Duration PullDuration(const std::string& image);

}  // namespace swarmsim
