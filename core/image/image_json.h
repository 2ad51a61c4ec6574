// Catalogue entries as JSON, for the cluster database (`image load` overrides).
#pragma once

#include <nlohmann/json.hpp>

#include "core/image/image_entry.h"
#include "core/status.h"

namespace swarmsim {

nlohmann::json ImageEntryJson(const ImageEntry& e);
// InvalidArgument when `j` is not what ImageEntryJson writes. Never throws.
Status ImageEntryFromJson(const nlohmann::json& j, ImageEntry* out);

}  // namespace swarmsim
