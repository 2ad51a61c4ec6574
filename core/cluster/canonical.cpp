#include "core/cluster/canonical.h"

#include <nlohmann/json.hpp>

#include "core/format/base64.h"
#include "core/image/image_json.h"
#include "core/model/json.h"

namespace swarmsim {

std::string CanonicalState(const ClusterState& state) {
  nlohmann::json j;
  j["swarm_active"] = state.swarm_active;
  j["cluster_id"] = state.cluster_id;
  j["self_node_id"] = state.self_node_id;
  j["clock"] = {{"now", state.clock.now}, {"paused", state.clock.paused}, {"speed", state.clock.speed}};
  j["index"] = state.index;
  j["id_seed"] = state.id_seed;
  j["name_counter"] = state.name_counter;
  const SwarmSettings& w = state.swarm;
  j["swarm"] = {{"version", w.version}, {"created_at", w.created_at}, {"updated_at", w.updated_at},
                {"task_history_limit", w.task_history_limit}, {"heartbeat", w.dispatcher_heartbeat},
                {"cert_expiry", w.cert_expiry}, {"worker_rotations", w.worker_token_rotations},
                {"manager_rotations", w.manager_token_rotations}, {"tls_info", ToJson(w.tls_info)}};
  for (const auto& [id, n] : state.nodes) {
    auto o = ToJson(n, state.swarm.tls_info);
    o["_images"] = n.images;
    o["_sim"] = {{"agent_down", n.agent_down}, {"down_at", n.down_at}};
    j["nodes"][id] = o;
  }
  for (const auto& [id, s] : state.services) {
    auto o = ToJson(s);
    o["_sim"] = {{"spec_version", s.spec_version}, {"wake_at", s.wake_at}, {"update_gate", s.update_gate},
                 {"update_failures", s.update_failures}};
    j["services"][id] = o;
  }
  for (const auto& [id, t] : state.tasks) {
    auto o = ToJson(t);
    o["_sim"] = {{"spec_version", t.spec_version}, {"due_at", t.due_at}, {"promote_at", t.promote_at},
                 {"decision_id", t.decision_id}, {"exit_after", t.exit_after.value_or(-1)}, {"exit_code", t.exit_code}};
    j["tasks"][id] = o;
  }
  for (const auto& [id, n] : state.networks) j["networks"][id] = ToJson(n);
  for (BlobKind kind : {BlobKind::kConfig, BlobKind::kSecret}) {
    for (const auto& [id, c] : kind == BlobKind::kSecret ? state.secrets : state.configs) {
      auto o = ToJson(c, kind);
      o["_data"] = Base64Encode(c.data);
      j[kind == BlobKind::kSecret ? "secrets" : "configs"][id] = o;
    }
  }
  for (const auto& [key, v] : state.volumes) {
    auto o = ToJson(v);
    o["_sim"] = {{"version", v.version}, {"anonymous", v.anonymous}, {"owner", v.owner_task_id}, {"target", v.mount_target}};
    for (const auto& [path, content] : v.files) o["_files"][path] = Base64Encode(content);
    j["volumes"][key.first + "/" + key.second] = o;
  }
  for (const auto& [id, files] : state.layers) {
    for (const auto& [path, content] : files) j["layers"][id][path] = Base64Encode(content);
  }
  for (const auto& [port, next] : state.mesh_next) j["mesh_next"][std::to_string(port)] = next;
  for (const auto& [ref, e] : state.images) j["images"][ref] = ImageEntryJson(e);
  return j.dump(1);
}

}  // namespace swarmsim
