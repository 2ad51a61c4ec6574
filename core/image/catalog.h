// The image catalogue: built-in entries from scenarios/images.yml (compiled in)
// overridden per cluster by `image load`.
//
// File format (YAML):
//   images:
//     "example/counter:5-broken":   # reference; a missing tag means :latest
//       size: 40MB                   # decimal units as docker prints them (kB, MB, GB)
//       behaviour: generic           # generic | todo-web | postgres
//       volumes: [/data]
//       env: {KEY: value}
//       exit_after: 3s               # Go duration
//       exit_code: 1
//       healthcheck: {test: [CMD, curl, -f, http://localhost], interval: 5s, timeout: 3s,
//                     retries: 3, start_period: 0s}
//       healthy: false               # its health check never passes
//       description: one line
#pragma once

#include <map>
#include <string>

#include "core/image/image_entry.h"
#include "core/status.h"

namespace swarmsim {

using ImageCatalog = std::map<std::string, ImageEntry>;  // by normalised reference

// Parses a catalogue file. Errors name `source` and the line:
// "images.yml: line 4: exit_code: not an integer".
Result<ImageCatalog> ParseImageCatalog(const std::string& text, const std::string& source);

// The text of scenarios/images.yml as compiled in.
const char* BuiltinImagesText();

// The built-in catalogue (parsed once).
const ImageCatalog& BuiltinImages();

// The entry for `reference` (normalised; a pinned "@sha256:..." is ignored, see
// image_digest.h): the cluster's overrides first, then the built-in catalogue;
// unknown images are generic with the default size.
ImageEntry LookupImage(const ImageCatalog& overrides, const std::string& reference);

// The entry for `reference` without copying it, or nullptr for an image neither
// catalogue knows (for hot paths: the agent asks on every reconcile round).
const ImageEntry* FindImage(const ImageCatalog& overrides, const std::string& reference);

// Virtual time a node needs to pull an image of `size_bytes`.
Duration PullDuration(int64_t size_bytes);

}  // namespace swarmsim
