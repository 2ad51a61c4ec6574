// BlobView: a config or a secret as the inspector shows it. A config shows its
// data; a secret never does (its bytes leave the cluster only into a container,
// see ui/view/mounted_files.h). No ImGui here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/config.h"

namespace swarmsim::ui {

struct BlobView {
  BlobKind kind = BlobKind::kConfig;
  std::string id;
  std::string name;
  Time created_at = 0;
  std::map<std::string, std::string> labels;
  size_t size = 0;                  // bytes of data (shown for both kinds)
  std::optional<std::string> data;  // configs only; always nullopt for secrets
  std::vector<std::string> used_by; // services whose spec mounts it, by name
};

// The config or secret `id`; nullopt when there is none.
std::optional<BlobView> BuildBlobView(const ClusterState& state, BlobKind kind, const std::string& id);

// Every config or secret as (name, ID), by name: the inspector's lists.
std::vector<std::pair<std::string, std::string>> BlobNames(const ClusterState& state, BlobKind kind);

}  // namespace swarmsim::ui
