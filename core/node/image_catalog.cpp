#include "core/node/image_catalog.h"

#include "core/node/timing.h"

namespace swarmsim {

namespace {

// Compressed sizes of the images the todo-list chapter uses, as the registry reports
// them (rounded). A data file can extend this later; unknown images get the default.
struct KnownImage { const char* reference; int64_t size_bytes; };
constexpr KnownImage kKnownImages[] = {
    {"diamol/ch06-todo-list:latest", 115LL * 1000 * 1000},
    {"diamol/postgres:11.5", 95LL * 1000 * 1000},
    {"diamol/postgres:11.6", 96LL * 1000 * 1000},
    {"diamol/ch09-access-log:latest", 45LL * 1000 * 1000},
    {"diamol/ch09-image-of-the-day:latest", 120LL * 1000 * 1000},
    {"diamol/ch09-image-gallery:latest", 12LL * 1000 * 1000},
    {"nginx:latest", 70LL * 1000 * 1000},
    {"alpine:latest", 3LL * 1000 * 1000},
};

}  // namespace

ImageInfo LookupImage(const std::string& image) {
  ImageInfo info{image, kDefaultImageBytes};
  for (const auto& k : kKnownImages) {
    if (info.reference == k.reference) info.size_bytes = k.size_bytes;
  }
  return info;
}

Duration PullDuration(const std::string& image) {
  int64_t bytes = LookupImage(image).size_bytes;
  return bytes * kSecond / kPullBytesPerSecond;
}

}  // namespace swarmsim
