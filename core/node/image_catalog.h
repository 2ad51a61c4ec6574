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

// Normalises an image reference the way the docker CLI does for a service:
// adds ":latest" when no tag or digest is given ("nginx" -> "nginx:latest").
std::string NormalizeImageReference(const std::string& image);

// Looks `image` up in the built-in catalogue; unknown images get the default size.
ImageInfo LookupImage(const std::string& image);

// Virtual time a node needs to pull `image`.
Duration PullDuration(const std::string& image);

}  // namespace swarmsim
