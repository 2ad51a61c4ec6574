#include "ui/view/blob_view.h"

#include <algorithm>

#include "core/command/output.h"

namespace swarmsim::ui {

namespace {

const std::map<std::string, Config>& Blobs(const ClusterState& state, BlobKind kind) {
  return kind == BlobKind::kSecret ? state.secrets : state.configs;
}

}  // namespace

std::optional<BlobView> BuildBlobView(const ClusterState& state, BlobKind kind, const std::string& id) {
  const auto& blobs = Blobs(state, kind);
  auto it = blobs.find(id);
  if (it == blobs.end()) return std::nullopt;
  const Config& c = it->second;
  BlobView v;
  v.kind = kind;
  v.id = c.id;
  v.name = c.name;
  v.created_at = c.created_at;
  v.labels = c.labels;
  v.size = c.data.size();
  if (kind == BlobKind::kConfig) v.data = c.data;
  for (const auto& [sid, s] : state.services) {
    const auto& refs = kind == BlobKind::kSecret ? s.spec.task_template.container.secrets
                                                 : s.spec.task_template.container.configs;
    for (const FileReference& r : refs) {
      if (r.id == c.id || (r.id.empty() && r.name == c.name)) {
        v.used_by.push_back(s.spec.name);
        break;
      }
    }
  }
  std::sort(v.used_by.begin(), v.used_by.end(), NaturalLess);
  return v;
}

std::vector<std::pair<std::string, std::string>> BlobNames(const ClusterState& state, BlobKind kind) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [id, c] : Blobs(state, kind)) out.push_back({c.name, id});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace swarmsim::ui
