#include "core/control/configs.h"

#include <algorithm>
#include <set>

#include "core/control/swarm.h"

namespace swarmsim {

namespace {

Status Rpc(Status::Code code, const std::string& code_word, const std::string& desc) {
  return Status::Daemon(code, "rpc error: code = " + code_word + " desc = " + desc);
}

Status InvalidRpc(const std::string& desc) { return Rpc(Status::Code::kInvalidArgument, "InvalidArgument", desc); }

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// swarmkit's validation: ^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$, at most 64.
bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  if (!IsAlnum(name.front()) || !IsAlnum(name.back())) return false;
  for (char c : name) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

const std::vector<FileReference>& Refs(const TaskSpec& t, BlobKind kind) {
  return kind == BlobKind::kSecret ? t.container.secrets : t.container.configs;
}

}  // namespace

std::map<std::string, Config>& Blobs(ClusterState* state, BlobKind kind) {
  return kind == BlobKind::kSecret ? state->secrets : state->configs;
}

const std::map<std::string, Config>& Blobs(const ClusterState& state, BlobKind kind) {
  return kind == BlobKind::kSecret ? state.secrets : state.configs;
}

size_t MaxBlobSize(BlobKind kind) { return kind == BlobKind::kSecret ? 512000 : 1024000; }

Status ValidateBlob(BlobKind kind, const std::string& name, const std::string& data) {
  if (!ValidName(name)) {
    return InvalidRpc(
        "invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be "
        "[a-zA-Z0-9]");
  }
  if (data.empty() || data.size() >= MaxBlobSize(kind)) {
    return InvalidRpc(std::string(ToString(kind)) + " data must be larger than 0 and less than " +
                      std::to_string(MaxBlobSize(kind)) + " bytes");
  }
  return Status::OK();
}

Result<std::string> CreateBlob(ClusterState* state, BlobKind kind, const std::string& name,
                               const std::map<std::string, std::string>& labels, const std::string& data,
                               const std::string& driver) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  SWARMSIM_RETURN_IF_ERROR(ValidateBlob(kind, name, data));
  auto& blobs = Blobs(state, kind);
  for (const auto& [id, c] : blobs) {
    if (c.name == name) {
      return Rpc(Status::Code::kAlreadyExists, "AlreadyExists",
                 std::string(ToString(kind)) + " " + name + " already exists");
    }
  }
  Config c;
  c.id = NewId(state);
  c.created_at = state->clock.now;
  c.name = name;
  c.labels = labels;
  c.data = data;
  c.driver = driver;
  Touch(state, &c);
  std::string id = c.id;
  blobs[id] = std::move(c);
  RecordEvent(state, ToString(kind), "create", id, {{"name", name}});
  return id;
}

Result<Config*> ResolveBlob(ClusterState* state, BlobKind kind, const std::string& ref) {
  auto& blobs = Blobs(state, kind);
  const std::string word = ToString(kind);
  if (auto it = blobs.find(ref); it != blobs.end()) return &it->second;
  for (auto& [id, c] : blobs) {
    if (c.name == ref) return &c;
  }
  std::vector<Config*> prefixed;
  if (!ref.empty()) {
    for (auto& [id, c] : blobs) {
      if (id.rfind(ref, 0) == 0) prefixed.push_back(&c);
    }
  }
  if (prefixed.size() == 1) return prefixed.front();
  if (prefixed.size() > 1) {
    return Status::Daemon(Status::Code::kInvalidArgument, word + " " + ref + " is ambiguous (" +
                                                              std::to_string(prefixed.size()) + " matches found)");
  }
  return Status::Daemon(Status::Code::kNotFound, word + " " + ref + " not found");
}

std::vector<std::string> BlobUsers(const ClusterState& state, BlobKind kind, const std::string& id) {
  std::vector<std::string> names;
  for (const auto& [sid, s] : state.services) {
    for (const auto& r : Refs(s.spec.task_template, kind)) {
      if (r.id == id) {
        names.push_back(s.spec.name);
        break;
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Status RemoveBlob(ClusterState* state, BlobKind kind, const std::string& blob_ref) {
  const std::string id = blob_ref;  // the reference may be the key of the blob being erased
  auto& blobs = Blobs(state, kind);
  auto it = blobs.find(id);
  if (it == blobs.end()) return Status::Daemon(Status::Code::kNotFound, std::string(ToString(kind)) + " " + id + " not found");
  auto users = BlobUsers(*state, kind, id);
  if (!users.empty()) {
    std::string list;
    for (const auto& u : users) list += (list.empty() ? "" : ", ") + u;
    return InvalidRpc(std::string(ToString(kind)) + " '" + it->second.name + "' is in use by the following " +
                      (users.size() == 1 ? "service: " : "services: ") + list);
  }
  std::string name = it->second.name;
  blobs.erase(it);
  (kind == BlobKind::kSecret ? state->removed_secrets : state->removed_configs).insert(id);
  ++state->index;  // a deletion is a change of the store
  RecordEvent(state, ToString(kind), "remove", id, {{"name", name}});
  return Status::OK();
}

Status UpdateBlobLabels(ClusterState* state, BlobKind kind, const std::string& id,
                        const std::map<std::string, std::string>& labels, const std::string& data) {
  auto& blobs = Blobs(state, kind);
  auto it = blobs.find(id);
  if (it == blobs.end()) return Status::Daemon(Status::Code::kNotFound, std::string(ToString(kind)) + " " + id + " not found");
  Config& c = it->second;
  if (c.data != data) return InvalidRpc("only updates to Labels are allowed");
  if (c.labels == labels) return Status::OK();
  c.labels = labels;
  Touch(state, &c);
  RecordEvent(state, ToString(kind), "update", id, {{"name", c.name}});
  return Status::OK();
}

Status ResolveFileReferences(const ClusterState& state, BlobKind kind, std::vector<FileReference>* refs) {
  const std::string word = ToString(kind);
  std::set<std::string> targets;
  for (const auto& r : *refs) {
    if (r.id.empty() && !targets.insert(r.file_name).second) {
      return Status::InvalidArgument("duplicate " + word + " target for " + r.name + " not allowed");
    }
  }
  for (auto& r : *refs) {
    if (!r.id.empty()) continue;
    for (const auto& [id, c] : Blobs(state, kind)) {
      if (c.name == r.name) r.id = id;
    }
    if (r.id.empty()) return Status::NotFound(word + " not found: " + r.name);
  }
  return Status::OK();
}

Status CheckFileReferenceTargets(BlobKind kind, const std::vector<FileReference>& refs) {
  std::map<std::string, std::string> by_target;
  for (const auto& r : refs) {
    auto [it, fresh] = by_target.emplace(r.file_name, r.name);
    if (!fresh) {
      return InvalidRpc(std::string(ToString(kind)) + " references '" + it->second + "' and '" + r.name +
                        "' have a conflicting target: '" + r.file_name + "'");
    }
  }
  return Status::OK();
}

}  // namespace swarmsim
