// The manifest digest a registry would report for an image, so that the docker
// client's digest pinning (`stack deploy` resolves name:tag@sha256:...) has a
// stable answer: derived from the catalogue entry, the same on every run.
#pragma once

#include <string>

#include "core/image/catalog.h"

namespace swarmsim {

// "name:tag" without a pinned digest ("name:tag@sha256:..." -> "name:tag"): the
// catalogue describes an image by name and tag, and a digest pins the same image,
// so catalogue lookups ignore it.
std::string WithoutDigest(const std::string& reference);

// "sha256:<64 hex>" for `reference` (normalised: "nginx" is "nginx:latest").
std::string ImageDigest(const ImageCatalog& overrides, const std::string& reference);

}  // namespace swarmsim
