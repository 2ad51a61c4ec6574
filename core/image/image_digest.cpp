#include "core/image/image_digest.h"

#include "core/format/hex_hash.h"

namespace swarmsim {

std::string WithoutDigest(const std::string& reference) {
  size_t at = reference.find('@');
  return at == std::string::npos ? reference : reference.substr(0, at);
}

std::string ImageDigest(const ImageCatalog& overrides, const std::string& reference) {
  ImageEntry entry = LookupImage(overrides, WithoutDigest(reference));
  return "sha256:" + HexHash256(entry.reference + "\n" + std::to_string(entry.size_bytes) + "\n" + entry.behaviour);
}

}  // namespace swarmsim
