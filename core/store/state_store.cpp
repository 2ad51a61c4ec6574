#include "core/store/state_store.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/ca/root_ca.h"
#include "core/format/base64.h"
#include "core/image/image_json.h"
#include "core/model/json.h"
#include "core/store/event_runs.h"
#include "core/store/json_text.h"
#include "core/store/row_writer.h"

namespace swarmsim {

using nlohmann::json;

namespace {

Status Damaged(Database* db, const std::string& what) {
  return Status::Corruption("cluster database " + db->path() + " is damaged: " + what);
}

// Parses stored JSON without exceptions.
Result<json> ParseStored(Database* db, std::string_view text, const std::string& what) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Damaged(db, what + " is not valid JSON");
  return j;
}

// Deterministic on every platform, unlike std::hash.
uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// nlohmann's dump throws on invalid UTF-8; the store never throws, so it writes
// U+FFFD instead (as json_text.h does).
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Command files are replayed byte for byte: text that is not UTF-8 is kept as base64.
json FilesJson(const std::map<std::string, std::string>& files) {
  json j = json::object();
  for (const auto& [path, content] : files) {
    if (IsValidUtf8(content)) j[path] = content;
    else j[path] = {{"base64", Base64Encode(content)}};
  }
  return j;
}

bool ReadFiles(const json& j, std::map<std::string, std::string>* out) {
  if (!j.is_object()) return false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it->is_string()) {
      (*out)[it.key()] = it->get<std::string>();
    } else if (it->is_object() && it->contains("base64") && (*it)["base64"].is_string()) {
      std::string content;
      if (!Base64Decode((*it)["base64"].get<std::string>(), &content)) return false;
      (*out)[it.key()] = std::move(content);
    } else {
      return false;
    }
  }
  return true;
}

json StringMapJson(const std::map<std::string, std::string>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[k] = v;
  return j;
}

// (Also into an event's EventAttributes.)
template <typename StringMap>
bool ReadStringMap(const json& j, StringMap* out) {
  if (!j.is_object()) return false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it->is_string()) return false;
    (*out)[it.key()] = it->get<std::string>();
  }
  return true;
}

// Steps `stmt` through every row, calling `row()` (which returns Status) on each.
template <typename Fn>
Status ForEachRow(Statement* stmt, Fn&& row) {
  for (;;) {
    auto more = stmt->Step();
    if (!more.ok()) {
      stmt->Reset();
      return more.status();
    }
    if (!more.value()) break;
    Status st = row();
    if (!st.ok()) {
      stmt->Reset();
      return st;
    }
  }
  stmt->Reset();
  return Status::OK();
}

Result<Statement*> Prep(Database* db, const char* sql) { return db->Prepare(sql); }

#define SWARMSIM_ASSIGN_STMT(var, db, sql) \
  auto var##_result = Prep(db, sql);       \
  if (!var##_result.ok()) return var##_result.status(); \
  Statement* var = var##_result.value()

// ---------------------------------------------------------------------------
// Load

Status LoadMeshNext(Database* db, std::string_view text, ClusterState* s) {
  auto j = ParseStored(db, text, "mesh_next");
  if (!j.ok()) return j.status();
  if (!j->is_object()) return Damaged(db, "mesh_next is not an object");
  for (auto it = j->begin(); it != j->end(); ++it) {
    if (!it->is_number_unsigned()) return Damaged(db, "mesh_next is not a map of numbers");
    s->mesh_next[static_cast<uint32_t>(std::stoul(it.key()))] = it->get<uint64_t>();
  }
  return Status::OK();
}

Status LoadImageOverrides(Database* db, std::string_view text, ClusterState* s) {
  auto j = ParseStored(db, text, "images");
  if (!j.ok()) return j.status();
  if (!j->is_object()) return Damaged(db, "images is not an object");
  for (auto it = j->begin(); it != j->end(); ++it) {
    ImageEntry e;
    Status st = ImageEntryFromJson(it.value(), &e);
    if (!st.ok()) return Damaged(db, "image " + it.key() + ": " + st.message());
    s->images[e.reference] = std::move(e);
  }
  return Status::OK();
}

// meta "swarm": {"Version", "CreatedAt", "UpdatedAt", "TaskHistoryRetentionLimit",
// "HeartbeatPeriod", "NodeCertExpiry", "WorkerRotations", "ManagerRotations",
// "TLSInfo"} (TLSInfo as the Engine API writes it).
Status LoadSwarmSettings(Database* db, std::string_view text, ClusterState* s) {
  auto j = ParseStored(db, text, "swarm");
  if (!j.ok()) return j.status();
  if (!j->is_object()) return Damaged(db, "swarm is not an object");
  SwarmSettings& w = s->swarm;
  w.version = j->value("Version", uint64_t{0});
  w.created_at = j->value("CreatedAt", Time{0});
  w.updated_at = j->value("UpdatedAt", Time{0});
  w.task_history_limit = j->value("TaskHistoryRetentionLimit", w.task_history_limit);
  w.dispatcher_heartbeat = j->value("HeartbeatPeriod", w.dispatcher_heartbeat);
  w.cert_expiry = j->value("NodeCertExpiry", w.cert_expiry);
  w.worker_token_rotations = j->value("WorkerRotations", uint64_t{0});
  w.manager_token_rotations = j->value("ManagerRotations", uint64_t{0});
  if (auto tls = j->find("TLSInfo"); tls != j->end()) {
    if (Status st = FromJson(*tls, &w.tls_info); !st.ok()) return Damaged(db, st.message());
  }
  return Status::OK();
}

Status LoadMeta(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT key, value FROM meta");
  return ForEachRow(stmt, [&] {
    std::string_view key = stmt->TextView(0);
    if (key == "swarm_active") s->swarm_active = stmt->Int(1) != 0;
    else if (key == "cluster_id") s->cluster_id = stmt->Text(1);
    else if (key == "self_node_id") s->self_node_id = stmt->Text(1);
    else if (key == "clock_now") s->clock.now = stmt->Int(1);
    else if (key == "clock_paused") s->clock.paused = stmt->Int(1) != 0;
    else if (key == "clock_speed") s->clock.speed = stmt->Real(1);
    else if (key == "clock_wall_anchor") s->clock.wall_anchor = stmt->Int(1);
    else if (key == "index") s->index = stmt->Uint(1);
    else if (key == "id_seed") s->id_seed = stmt->Uint(1);
    else if (key == "name_counter") s->name_counter = stmt->Uint(1);
    else if (key == "mesh_next") return LoadMeshNext(db, stmt->TextView(1), s);
    else if (key == "images") return LoadImageOverrides(db, stmt->TextView(1), s);
    else if (key == "swarm") return LoadSwarmSettings(db, stmt->TextView(1), s);
    return Status::OK();
  });
}

Status LoadNodes(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT id, version, json, images, agent_down, down_at FROM nodes");
  return ForEachRow(stmt, [&] {
    std::string id = stmt->Text(0);
    Node node;
    // Rows are written by NodeRowJsonText; read its shape directly (100,000 nodes
    // are 100,000 rows), anything else as JSON.
    if (!ParseNodeRowJsonText(stmt->TextView(2), &node)) {
      auto j = ParseStored(db, stmt->TextView(2), "node " + id);
      if (!j.ok()) return j.status();
      node = Node{};
      Status st = FromJson(j.value(), &node);
      if (!st.ok()) return Damaged(db, "node " + id + ": " + st.message());
    }
    node.version = stmt->Uint(1);
    node.agent_down = stmt->Int(4) != 0;
    node.down_at = stmt->Int(5);
    if (stmt->TextView(3) == "[]") {  // most nodes have pulled nothing
      s->nodes.emplace(std::move(id), std::move(node));
      return Status::OK();
    }
    auto images = ParseStored(db, stmt->TextView(3), "images of node " + id);
    if (!images.ok()) return images.status();
    if (!images->is_array()) return Damaged(db, "images of node " + id + " are not a list");
    for (const auto& ref : images.value()) {
      if (!ref.is_string()) return Damaged(db, "images of node " + id + " are not strings");
      node.images.insert(ref.get<std::string>());
    }
    s->nodes.emplace(std::move(id), std::move(node));
    return Status::OK();
  });
}

Status LoadServices(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(
      stmt, db, "SELECT id, version, spec_version, wake_at, update_gate, update_failures, json FROM services");
  return ForEachRow(stmt, [&] {
    std::string id = stmt->Text(0);
    auto j = ParseStored(db, stmt->TextView(6), "service " + id);
    if (!j.ok()) return j.status();
    Service svc;
    Status st = FromJson(j.value(), &svc);
    if (!st.ok()) return Damaged(db, "service " + id + ": " + st.message());
    svc.version = stmt->Uint(1);
    svc.spec_version = stmt->Uint(2);
    svc.wake_at = stmt->Int(3);
    svc.update_gate = stmt->Int(4);
    svc.update_failures = stmt->Uint(5);
    s->services.emplace(std::move(id), std::move(svc));
    return Status::OK();
  });
}

Status LoadNetworks(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT id, version, updated_at, json FROM networks");
  return ForEachRow(stmt, [&] {
    std::string id = stmt->Text(0);
    auto j = ParseStored(db, stmt->TextView(3), "network " + id);
    if (!j.ok()) return j.status();
    Network net;
    Status st = FromJson(j.value(), &net);
    if (!st.ok()) return Damaged(db, "network " + id + ": " + st.message());
    net.version = stmt->Uint(1);
    net.updated_at = stmt->Int(2);
    s->networks.emplace(std::move(id), std::move(net));
    return Status::OK();
  });
}

Status LoadConfigs(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT id, kind, version, json, data FROM configs");
  return ForEachRow(stmt, [&] {
    std::string id = stmt->Text(0);
    bool secret = stmt->TextView(1) == "secret";
    auto j = ParseStored(db, stmt->TextView(3), "config " + id);
    if (!j.ok()) return j.status();
    Config c;
    Status st = FromJson(j.value(), &c);
    if (!st.ok()) return Damaged(db, "config " + id + ": " + st.message());
    c.version = stmt->Uint(2);
    c.data = stmt->Blob(4);
    (secret ? s->secrets : s->configs).emplace(std::move(id), std::move(c));
    return Status::OK();
  });
}

Status LoadVolumes(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "SELECT node_id, name, version, created_at, driver, labels, options, anonymous, owner_task, "
                       "target, files FROM volumes");
  return ForEachRow(stmt, [&] {
    Volume v;
    v.node_id = stmt->Text(0);
    v.name = stmt->Text(1);
    std::string what = "volume " + v.name + " on node " + v.node_id;
    v.version = stmt->Uint(2);
    v.created_at = stmt->Int(3);
    v.driver = stmt->Text(4);
    // Most volumes have no options and few labels or files: skip parsing "{}".
    auto read_map = [&](int column, auto* out, auto reader) -> Status {
      std::string_view text = stmt->TextView(column);
      if (text == "{}") return Status::OK();
      auto j = ParseStored(db, text, what);
      if (!j.ok()) return j.status();
      if (!reader(j.value(), out)) return Damaged(db, what + " has unreadable columns");
      return Status::OK();
    };
    SWARMSIM_RETURN_IF_ERROR(read_map(5, &v.labels, ReadStringMap<std::map<std::string, std::string>>));
    SWARMSIM_RETURN_IF_ERROR(read_map(6, &v.options, ReadStringMap<std::map<std::string, std::string>>));
    v.anonymous = stmt->Int(7) != 0;
    v.owner_task_id = stmt->Text(8);
    v.mount_target = stmt->Text(9);
    SWARMSIM_RETURN_IF_ERROR(read_map(10, &v.files, ReadFiles));
    VolumeKey key{v.node_id, v.name};
    s->volumes.emplace(std::move(key), std::move(v));
    return Status::OK();
  });
}

Status LoadLayers(Database* db, ClusterState* s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT task_id, files FROM layers");
  return ForEachRow(stmt, [&] {
    std::string id = stmt->Text(0);
    auto j = ParseStored(db, stmt->TextView(1), "layer of task " + id);
    if (!j.ok()) return j.status();
    if (!ReadFiles(j.value(), &s->layers[id])) return Damaged(db, "layer of task " + id + " is not readable");
    return Status::OK();
  });
}

struct StoredSpec {
  std::shared_ptr<const TaskSpec> task;
  std::shared_ptr<const EndpointSpec> endpoint;
};

// Only the specs some task still uses; each becomes one shared copy.
Status LoadTaskSpecs(Database* db, std::map<int64_t, StoredSpec>* specs) {
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "SELECT id, json FROM task_specs WHERE id IN (SELECT DISTINCT spec_id FROM tasks)");
  return ForEachRow(stmt, [&] {
    int64_t id = stmt->Int(0);
    std::string what = "task spec " + std::to_string(id);
    auto j = ParseStored(db, stmt->TextView(1), what);
    if (!j.ok()) return j.status();
    if (!j->is_object() || !j->contains("Spec") || !j->contains("Endpoint")) {
      return Damaged(db, what + " lacks Spec or Endpoint");
    }
    auto task = std::make_shared<TaskSpec>();
    Status st = FromJson(j.value()["Spec"], task.get());
    if (!st.ok()) return Damaged(db, what + ": " + st.message());
    auto endpoint = std::make_shared<EndpointSpec>();
    st = FromJson(j.value()["Endpoint"], endpoint.get());
    if (!st.ok()) return Damaged(db, what + ": " + st.message());
    (*specs)[id] = StoredSpec{std::move(task), std::move(endpoint)};
    return Status::OK();
  });
}

// A task's network addresses as one column: "NETWORK_ID ADDR;NETWORK_ID ADDR"
// (neither has spaces or semicolons); "" for a task on no network.
std::string EncodeTaskNetworks(const std::vector<TaskNetworkAddress>& nets) {
  std::string out;
  for (const auto& n : nets) out += (out.empty() ? "" : ";") + n.network_id + " " + n.addr;
  return out;
}

bool DecodeTaskNetworks(std::string_view text, std::vector<TaskNetworkAddress>* out) {
  out->clear();
  while (!text.empty()) {
    size_t end = text.find(';');
    std::string_view entry = text.substr(0, end);
    size_t space = entry.find(' ');
    if (space == std::string_view::npos) return false;
    out->push_back({std::string(entry.substr(0, space)), std::string(entry.substr(space + 1))});
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return true;
}

Status LoadTasks(Database* db, ClusterState* s) {
  std::map<int64_t, StoredSpec> specs;
  SWARMSIM_RETURN_IF_ERROR(LoadTaskSpecs(db, &specs));
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "SELECT id, version, created_at, updated_at, service_id, service_name, slot, node_id, "
                       "spec_id, spec_version, desired_state, state, timestamp, message, err, due_at, "
                       "promote_at, decision_id, exit_after, exit_code, networks FROM tasks");
  return ForEachRow(stmt, [&] {
    Task t;
    t.id = stmt->Text(0);
    t.version = stmt->Uint(1);
    t.created_at = stmt->Int(2);
    t.updated_at = stmt->Int(3);
    t.service_id = stmt->Text(4);
    t.service_name = stmt->Text(5);
    t.slot = stmt->Uint(6);
    t.node_id = stmt->Text(7);
    auto spec = specs.find(stmt->Int(8));
    if (spec == specs.end()) return Damaged(db, "task " + t.id + " refers to a missing task spec");
    t.spec = spec->second.task;
    t.endpoint = spec->second.endpoint;
    t.spec_version = stmt->Uint(9);
    if (!ParseTaskState(stmt->Text(10), &t.desired_state) || !ParseTaskState(stmt->Text(11), &t.status.state)) {
      return Damaged(db, "task " + t.id + " has an unknown state");
    }
    t.status.timestamp = stmt->Int(12);
    t.status.message = stmt->Text(13);
    t.status.err = stmt->Text(14);
    t.due_at = stmt->Int(15);
    t.promote_at = stmt->Int(16);
    t.decision_id = stmt->Text(17);
    if (stmt->Int(18) >= 0) t.exit_after = stmt->Int(18);
    t.exit_code = static_cast<int>(stmt->Int(19));
    if (!DecodeTaskNetworks(stmt->TextView(20), &t.networks)) {
      return Damaged(db, "task " + t.id + " has unreadable network addresses");
    }
    std::string id = t.id;
    s->tasks.emplace_hint(s->tasks.end(), std::move(id), std::move(t));
    return Status::OK();
  });
}

// New tasks of a service's current spec share the loaded copy (task_factory checks
// the content before reusing it).
void SeedSpecCache(ClusterState* s) {
  for (const auto& [id, t] : s->tasks) {
    auto svc = s->services.find(t.service_id);
    if (svc == s->services.end() || svc->second.spec_version != t.spec_version) continue;
    auto& entry = s->spec_cache[t.service_id];
    if (entry.task) continue;
    entry.spec_version = t.spec_version;
    entry.task = t.spec;
    entry.endpoint = t.endpoint;
  }
}

// ---------------------------------------------------------------------------
// Save

Status SaveMeta(Database* db, const ClusterState& s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "swarm_active").Bind(2, s.swarm_active).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "cluster_id").Bind(2, s.cluster_id).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "self_node_id").Bind(2, s.self_node_id).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "clock_now").Bind(2, s.clock.now).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "clock_paused").Bind(2, s.clock.paused).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "clock_speed").Bind(2, s.clock.speed).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "clock_wall_anchor").Bind(2, s.clock.wall_anchor).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "index").Bind(2, s.index).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "id_seed").Bind(2, s.id_seed).Run());
  SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "name_counter").Bind(2, s.name_counter).Run());
  if (s.mesh_changed) {
    json mesh = json::object();
    for (const auto& [port, next] : s.mesh_next) mesh[std::to_string(port)] = next;
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "mesh_next").Bind(2, Dump(mesh)).Run());
  }
  if (s.swarm.version > s.loaded_index) {
    const SwarmSettings& w = s.swarm;
    json swarm = {{"Version", w.version},
                  {"CreatedAt", w.created_at},
                  {"UpdatedAt", w.updated_at},
                  {"TaskHistoryRetentionLimit", w.task_history_limit},
                  {"HeartbeatPeriod", w.dispatcher_heartbeat},
                  {"NodeCertExpiry", w.cert_expiry},
                  {"WorkerRotations", w.worker_token_rotations},
                  {"ManagerRotations", w.manager_token_rotations},
                  {"TLSInfo", ToJson(w.tls_info)}};
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "swarm").Bind(2, Dump(swarm)).Run());
  }
  if (s.images_changed) {
    json images = json::object();
    for (const auto& [ref, e] : s.images) images[ref] = ImageEntryJson(e);
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, "images").Bind(2, Dump(images)).Run());
  }
  return Status::OK();
}

Status DeleteIds(Database* db, const char* sql, const std::set<std::string>& ids) {
  if (ids.empty()) return Status::OK();
  SWARMSIM_ASSIGN_STMT(stmt, db, sql);
  for (const auto& id : ids) SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, id).Run());
  return Status::OK();
}

Status SaveNodes(Database* db, const ClusterState& s) {
  std::vector<const Node*> changed;
  for (const auto& [id, n] : s.nodes) {
    if (n.version > s.loaded_index) changed.push_back(&n);
  }
  if (changed.empty()) return Status::OK();
  // Many rows per statement (RowWriter): `node add --count 99999` is one save.
  RowWriter writer(db, "INSERT OR REPLACE INTO nodes(id, version, json, images, agent_down, down_at) VALUES", 6,
                   changed.size());
  // One row text and image list per row of a batch, alive until the batch is written.
  std::vector<std::string> rows(RowWriter::kBatchRows);
  std::vector<std::string> images(RowWriter::kBatchRows);
  size_t i = 0;
  for (const Node* n : changed) {
    std::string& row = rows[i % RowWriter::kBatchRows];
    std::string& refs = images[i++ % RowWriter::kBatchRows];
    refs = "[";
    for (const auto& ref : n->images) {
      if (refs.size() > 1) refs.push_back(',');
      AppendJsonString(&refs, ref);
    }
    refs.push_back(']');
    // Plugins are the same for every node, and half the text: the daemon adds them, not the row.
    row = NodeRowJsonText(*n);
    SWARMSIM_RETURN_IF_ERROR(writer.Add([&](Statement* stmt, int p) {
      stmt->BindRef(p + 1, n->id)
          .Bind(p + 2, n->version)
          .BindRef(p + 3, row)
          .BindRef(p + 4, refs)
          .Bind(p + 5, static_cast<int64_t>(n->agent_down))
          .Bind(p + 6, n->down_at);
    }));
  }
  return writer.Finish();
}

Status SaveServices(Database* db, const ClusterState& s) {
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "INSERT OR REPLACE INTO services(id, version, name, spec_version, wake_at, update_gate, "
                       "update_failures, json) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& [id, svc] : s.services) {
    if (svc.version <= s.loaded_index) continue;
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, id)
                                 .Bind(2, svc.version)
                                 .Bind(3, svc.spec.name)
                                 .Bind(4, svc.spec_version)
                                 .Bind(5, svc.wake_at)
                                 .Bind(6, svc.update_gate)
                                 .Bind(7, svc.update_failures)
                                 .Bind(8, Dump(ToJson(svc)))
                                 .Run());
  }
  return Status::OK();
}

Status SaveNetworks(Database* db, const ClusterState& s) {
  SWARMSIM_ASSIGN_STMT(
      stmt, db, "INSERT OR REPLACE INTO networks(id, version, updated_at, name, json) VALUES(?1, ?2, ?3, ?4, ?5)");
  for (const auto& [id, net] : s.networks) {
    if (net.version <= s.loaded_index) continue;
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, id)
                                 .Bind(2, net.version)
                                 .Bind(3, net.updated_at)
                                 .Bind(4, net.name)
                                 .Bind(5, Dump(ToJson(net)))
                                 .Run());
  }
  return Status::OK();
}

// Finds or adds the task_specs row for a spec pair. Tasks of one spec version share
// the pointers, so the pointer cache answers almost every lookup without JSON.
class SpecRows {
 public:
  explicit SpecRows(Database* db) : db_(db) {}

  Result<int64_t> IdFor(const Task& t) {
    static const TaskSpec kNoTask;
    static const EndpointSpec kNoEndpoint;
    const TaskSpec* task = t.spec ? t.spec.get() : &kNoTask;
    const EndpointSpec* endpoint = t.endpoint ? t.endpoint.get() : &kNoEndpoint;
    auto key = std::make_pair(task, endpoint);
    auto cached = by_pointer_.find(key);
    if (cached != by_pointer_.end()) return cached->second;
    std::string text = Dump(json{{"Spec", ToJson(*task)}, {"Endpoint", ToJson(*endpoint)}});
    auto known = by_text_.find(text);
    if (known != by_text_.end()) return by_pointer_[key] = known->second;
    auto id = FindOrInsert(text);
    if (!id.ok()) return id.status();
    by_text_.emplace(std::move(text), id.value());
    return by_pointer_[key] = id.value();
  }

 private:
  Result<int64_t> FindOrInsert(const std::string& text) {
    uint64_t hash = Fnv1a64(text);
    SWARMSIM_ASSIGN_STMT(find, db_, "SELECT id, json FROM task_specs WHERE hash = ?1");
    find->Bind(1, hash);
    int64_t found = -1;
    SWARMSIM_RETURN_IF_ERROR(ForEachRow(find, [&] {
      if (found < 0 && find->TextView(1) == text) found = find->Int(0);
      return Status::OK();
    }));
    if (found >= 0) return found;
    SWARMSIM_ASSIGN_STMT(insert, db_, "INSERT INTO task_specs(hash, json) VALUES(?1, ?2) RETURNING id");
    auto row = insert->Bind(1, hash).Bind(2, text).Step();
    if (!row.ok()) {
      insert->Reset();
      return row.status();
    }
    int64_t id = row.value() ? insert->Int(0) : -1;
    insert->Reset();
    if (id < 0) return Damaged(db_, "task spec insert returned no id");
    return id;
  }

  Database* db_;
  std::map<std::pair<const TaskSpec*, const EndpointSpec*>, int64_t> by_pointer_;
  std::map<std::string, int64_t> by_text_;
};

Status SaveTasks(Database* db, const ClusterState& s) {
  SpecRows specs(db);
  std::vector<std::pair<const Task*, int64_t>> rows;  // task, spec row
  for (const auto& [id, t] : s.tasks) {
    if (t.version <= s.loaded_index) continue;
    auto spec_id = specs.IdFor(t);
    if (!spec_id.ok()) return spec_id.status();
    rows.emplace_back(&t, spec_id.value());
  }
  RowWriter writer(db,
                   "INSERT OR REPLACE INTO tasks(id, version, created_at, updated_at, service_id, service_name, "
                   "slot, node_id, spec_id, spec_version, desired_state, state, timestamp, message, err, due_at, "
                   "promote_at, decision_id, exit_after, exit_code, networks) VALUES",
                   21, rows.size());
  std::vector<std::string> networks;  // outlive the batch, like the tasks' own strings
  networks.reserve(rows.size());
  for (const auto& row : rows) networks.push_back(EncodeTaskNetworks(row.first->networks));
  size_t index = 0;
  for (const auto& row : rows) {
    const Task& t = *row.first;
    const auto& spec_id = row.second;  // a named copy: the lambda below cannot capture a binding
    const std::string& nets = networks[index++];
    // The task's strings (and ToString's static words) outlive the batch.
    SWARMSIM_RETURN_IF_ERROR(writer.Add([&](Statement* stmt, int p) {
      stmt->BindRef(p + 1, t.id)
          .Bind(p + 2, t.version)
          .Bind(p + 3, t.created_at)
          .Bind(p + 4, t.updated_at)
          .BindRef(p + 5, t.service_id)
          .BindRef(p + 6, t.service_name)
          .Bind(p + 7, t.slot)
          .BindRef(p + 8, t.node_id)
          .Bind(p + 9, spec_id)
          .Bind(p + 10, t.spec_version)
          .BindRef(p + 11, ToString(t.desired_state))
          .BindRef(p + 12, ToString(t.status.state))
          .Bind(p + 13, t.status.timestamp)
          .BindRef(p + 14, t.status.message)
          .BindRef(p + 15, t.status.err)
          .Bind(p + 16, t.due_at)
          .Bind(p + 17, t.promote_at)
          .BindRef(p + 18, t.decision_id)
          .Bind(p + 19, t.exit_after.value_or(-1))
          .Bind(p + 20, t.exit_code)
          .BindRef(p + 21, nets);
    }));
  }
  return writer.Finish();
}

Status SaveConfigs(Database* db, const ClusterState& s) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "INSERT OR REPLACE INTO configs(id, kind, version, name, json, data) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  for (BlobKind kind : {BlobKind::kConfig, BlobKind::kSecret}) {
    for (const auto& [id, c] : kind == BlobKind::kSecret ? s.secrets : s.configs) {
      if (c.version <= s.loaded_index) continue;
      json j = ToJson(c, kind);
      j["Spec"].erase("Data");  // kept as bytes in its own column
      SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, id)
                                   .Bind(2, ToString(kind))
                                   .Bind(3, c.version)
                                   .Bind(4, c.name)
                                   .Bind(5, Dump(j))
                                   .BindBlob(6, c.data)
                                   .Run());
    }
  }
  return Status::OK();
}

Status SaveVolumes(Database* db, const ClusterState& s) {
  SWARMSIM_ASSIGN_STMT(del, db, "DELETE FROM volumes WHERE node_id = ?1 AND name = ?2");
  for (const auto& [node, name] : s.removed_volumes) SWARMSIM_RETURN_IF_ERROR(del->Bind(1, node).Bind(2, name).Run());
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "INSERT OR REPLACE INTO volumes(node_id, name, version, created_at, driver, labels, options, "
                       "anonymous, owner_task, target, files) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (const auto& [key, v] : s.volumes) {
    if (v.version <= s.loaded_index) continue;
    SWARMSIM_RETURN_IF_ERROR(stmt->Bind(1, v.node_id)
                                 .Bind(2, v.name)
                                 .Bind(3, v.version)
                                 .Bind(4, v.created_at)
                                 .Bind(5, v.driver)
                                 .Bind(6, Dump(StringMapJson(v.labels)))
                                 .Bind(7, Dump(StringMapJson(v.options)))
                                 .Bind(8, static_cast<int64_t>(v.anonymous))
                                 .Bind(9, v.owner_task_id)
                                 .Bind(10, v.mount_target)
                                 .Bind(11, Dump(FilesJson(v.files)))
                                 .Run());
  }
  return Status::OK();
}

Status SaveLayers(Database* db, const ClusterState& s) {
  if (s.changed_layers.empty()) return Status::OK();
  SWARMSIM_ASSIGN_STMT(put, db, "INSERT OR REPLACE INTO layers(task_id, files) VALUES(?1, ?2)");
  SWARMSIM_ASSIGN_STMT(del, db, "DELETE FROM layers WHERE task_id = ?1");
  for (const auto& id : s.changed_layers) {
    auto it = s.layers.find(id);
    if (it == s.layers.end()) {
      SWARMSIM_RETURN_IF_ERROR(del->Bind(1, id).Run());
    } else {
      SWARMSIM_RETURN_IF_ERROR(put->Bind(1, id).Bind(2, Dump(FilesJson(it->second))).Run());
    }
  }
  return Status::OK();
}

Result<uint64_t> MaxSeq(Database* db, const char* sql) {
  SWARMSIM_ASSIGN_STMT(stmt, db, sql);
  auto row = stmt->Step();
  if (!row.ok()) {
    stmt->Reset();
    return row.status();
  }
  uint64_t seq = row.value() ? stmt->Uint(0) : 0;
  stmt->Reset();
  return seq;
}

Status SaveEvents(Database* db, const ClusterState& s) {
  if (s.new_events.empty()) return Status::OK();
  auto last = MaxSeq(db, "SELECT seq + count - 1 FROM events ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  uint64_t seq = last.value();
  // Like events in a row become one row (core/store/event_runs.h).
  std::vector<EventRun> runs = SplitEventRuns(s.new_events);
  RowWriter writer(db, "INSERT INTO events(seq, time, type, action, actor_id, attributes, count, run) VALUES", 8,
                   runs.size());
  // One attributes and run text per row of a batch, alive until the batch is written.
  std::vector<std::string> attributes(RowWriter::kBatchRows);
  std::vector<std::string> run_texts(RowWriter::kBatchRows);
  static const std::string kNoActor;
  size_t i = 0;
  for (const auto& run : runs) {
    const Event& e = s.new_events[run.begin];
    const int64_t count = static_cast<int64_t>(run.end - run.begin);
    std::string& text = attributes[i % RowWriter::kBatchRows];
    std::string& run_text = run_texts[i++ % RowWriter::kBatchRows];
    if (count == 1) {
      text = StringMapJsonText(e.attributes);
      run_text.clear();
    } else {
      text = StringMapJsonText(SharedAttributes(s.new_events, run));
      run_text = EventRunText(s.new_events, run);
    }
    const uint64_t first = seq + 1;
    seq += static_cast<uint64_t>(count);
    SWARMSIM_RETURN_IF_ERROR(writer.Add([&](Statement* stmt, int p) {
      stmt->Bind(p + 1, first)
          .Bind(p + 2, e.time)
          .BindRef(p + 3, e.type)
          .BindRef(p + 4, e.action)
          .BindRef(p + 5, count == 1 ? e.actor_id : kNoActor)
          .BindRef(p + 6, text)
          .Bind(p + 7, count)
          .BindRef(p + 8, run_text);
    }));
  }
  return writer.Finish();
}

Status SaveLogs(Database* db, const ClusterState& s) {
  if (s.new_logs.empty()) return Status::OK();
  auto last = MaxSeq(db, "SELECT COALESCE(MAX(seq), 0) FROM logs");
  if (!last.ok()) return last.status();
  uint64_t seq = last.value();
  SWARMSIM_ASSIGN_STMT(stmt, db, "INSERT INTO logs(seq, time, task_id, stream, text) VALUES(?1, ?2, ?3, ?4, ?5)");
  for (const auto& l : s.new_logs) {
    SWARMSIM_RETURN_IF_ERROR(
        stmt->Bind(1, ++seq).Bind(2, l.time).Bind(3, l.task_id).Bind(4, l.stream).Bind(5, l.text).Run());
  }
  return Status::OK();
}

Status SaveDecisions(Database* db, const ClusterState& s) {
  if (s.new_decisions.empty()) return Status::OK();
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "INSERT OR REPLACE INTO decisions(id, time, service_id, json) VALUES(?1, ?2, ?3, ?4)");
  for (const auto& d : s.new_decisions) {
    // Bound by reference: at 100,000 nodes the text is tens of megabytes.
    const std::string text = DecisionJsonText(d);
    SWARMSIM_RETURN_IF_ERROR(stmt->BindRef(1, d.id).Bind(2, d.time).BindRef(3, d.service_id).BindRef(4, text).Run());
  }
  return Status::OK();
}

}  // namespace

// ---------------------------------------------------------------------------

namespace {

// LoadState, with or without the tasks.
Status Load(Database* db, ClusterState* state, bool with_tasks) {
  ClusterState loaded;
  SWARMSIM_RETURN_IF_ERROR(LoadMeta(db, &loaded));
  if (loaded.swarm_active && loaded.swarm.tls_info.empty()) {
    // A database from before the root CA was kept: the CA its init would have made.
    loaded.swarm.tls_info = TlsInfoOf(CreateRootCa(loaded.cluster_id, loaded.swarm.created_at));
  }
  SWARMSIM_RETURN_IF_ERROR(LoadNodes(db, &loaded));
  SWARMSIM_RETURN_IF_ERROR(LoadServices(db, &loaded));
  SWARMSIM_RETURN_IF_ERROR(LoadNetworks(db, &loaded));
  if (with_tasks) SWARMSIM_RETURN_IF_ERROR(LoadTasks(db, &loaded));
  SWARMSIM_RETURN_IF_ERROR(LoadConfigs(db, &loaded));
  SWARMSIM_RETURN_IF_ERROR(LoadVolumes(db, &loaded));
  SWARMSIM_RETURN_IF_ERROR(LoadLayers(db, &loaded));
  loaded.loaded_index = loaded.index;
  for (const auto& [id, t] : loaded.tasks) {
    if (t.due_at != 0) loaded.due.insert({t.due_at, DueKind::kTask, id});
  }
  for (const auto& [id, svc] : loaded.services) {
    if (svc.wake_at != 0) loaded.due.insert({svc.wake_at, DueKind::kService, id});
  }
  for (const auto& [id, node] : loaded.nodes) {
    if (node.down_at != 0) loaded.due.insert({node.down_at, DueKind::kNode, id});
  }
  SeedSpecCache(&loaded);
  *state = std::move(loaded);
  return Status::OK();
}

}  // namespace

Status LoadState(Database* db, ClusterState* state) { return Load(db, state, /*with_tasks=*/true); }

Status LoadStateWithoutTasks(Database* db, ClusterState* state, std::optional<Time>* next_task_due) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT MIN(due_at) FROM tasks WHERE due_at != 0");
  std::optional<Time> due;
  SWARMSIM_RETURN_IF_ERROR(ForEachRow(stmt, [&] {
    if (!stmt->IsNull(0)) due = stmt->Int(0);
    return Status::OK();
  }));
  SWARMSIM_RETURN_IF_ERROR(Load(db, state, /*with_tasks=*/false));
  *next_task_due = due;
  return Status::OK();
}

Result<std::vector<TaskTally>> TallyTasks(Database* db) {
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "SELECT service_id, spec_version, state, desired_state, "
                       "CASE WHEN state = ?1 THEN node_id ELSE '' END AS node, COUNT(*) FROM tasks "
                       "GROUP BY service_id, spec_version, state, desired_state, node");
  stmt->Bind(1, ToString(TaskState::kRunning));
  std::vector<TaskTally> out;
  Status st = ForEachRow(stmt, [&] {
    TaskTally t;
    t.service_id = stmt->Text(0);
    t.spec_version = stmt->Uint(1);
    if (!ParseTaskState(stmt->Text(2), &t.state) || !ParseTaskState(stmt->Text(3), &t.desired_state)) {
      return Damaged(db, "a task of service " + t.service_id + " has an unknown state");
    }
    t.node_id = stmt->Text(4);
    t.count = stmt->Uint(5);
    out.push_back(std::move(t));
    return Status::OK();
  });
  if (!st.ok()) return st;
  return out;
}

Status SaveState(Database* db, ClusterState* state, SavedLists* spent) {
  const ClusterState& s = *state;
  SWARMSIM_RETURN_IF_ERROR(SaveMeta(db, s));
  // Deletes first: an ID removed and made again in one command is written anew.
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM nodes WHERE id = ?1", s.removed_nodes));
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM services WHERE id = ?1", s.removed_services));
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM tasks WHERE id = ?1", s.removed_tasks));
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM networks WHERE id = ?1", s.removed_networks));
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM configs WHERE id = ?1", s.removed_configs));
  SWARMSIM_RETURN_IF_ERROR(DeleteIds(db, "DELETE FROM configs WHERE id = ?1", s.removed_secrets));
  SWARMSIM_RETURN_IF_ERROR(SaveNodes(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveServices(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveNetworks(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveTasks(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveEvents(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveDecisions(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveConfigs(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveVolumes(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveLayers(db, s));
  SWARMSIM_RETURN_IF_ERROR(SaveLogs(db, s));
  if (spent) {
    spent->events = std::move(state->new_events);
    spent->decisions = std::move(state->new_decisions);
    spent->logs = std::move(state->new_logs);
  }
  state->new_events.clear();
  state->new_logs.clear();
  state->removed_configs.clear();
  state->removed_secrets.clear();
  state->removed_volumes.clear();
  state->changed_layers.clear();
  state->mesh_changed = false;
  state->images_changed = false;
  state->new_decisions.clear();
  state->removed_nodes.clear();
  state->removed_services.clear();
  state->removed_tasks.clear();
  state->removed_networks.clear();
  state->loaded_index = state->index;
  return Status::OK();
}

Status AppendCommand(Database* db, CommandRecord* record) {
  auto last = MaxSeq(db, "SELECT COALESCE(MAX(seq), 0) FROM commands");
  if (!last.ok()) return last.status();
  uint64_t seq = last.value() + 1;
  json inputs = {{"files", FilesJson(record->files)}, {"env", StringMapJson(record->env)}};
  SWARMSIM_ASSIGN_STMT(stmt, db, "INSERT INTO commands(seq, time, argv, inputs) VALUES(?1, ?2, ?3, ?4)");
  SWARMSIM_RETURN_IF_ERROR(
      stmt->Bind(1, seq).Bind(2, record->time).Bind(3, Dump(json(record->argv))).Bind(4, Dump(inputs)).Run());
  record->seq = seq;
  return Status::OK();
}

Result<std::vector<CommandRecord>> ReadCommands(Database* db) {
  std::vector<CommandRecord> out;
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT seq, time, argv, inputs FROM commands ORDER BY seq");
  Status st = ForEachRow(stmt, [&] {
    CommandRecord r;
    r.seq = stmt->Uint(0);
    r.time = stmt->Int(1);
    std::string what = "command " + std::to_string(r.seq);
    auto argv = ParseStored(db, stmt->TextView(2), what);
    if (!argv.ok()) return argv.status();
    if (!argv->is_array()) return Damaged(db, what + ": argv is not a list");
    for (const auto& a : argv.value()) {
      if (!a.is_string()) return Damaged(db, what + ": argv is not a list of strings");
      r.argv.push_back(a.get<std::string>());
    }
    auto inputs = ParseStored(db, stmt->TextView(3), what);
    if (!inputs.ok()) return inputs.status();
    if (!inputs->is_object() || !ReadFiles(inputs->value("files", json::object()), &r.files) ||
        !ReadStringMap(inputs->value("env", json::object()), &r.env)) {
      return Damaged(db, what + ": inputs are not files and env");
    }
    out.push_back(std::move(r));
    return Status::OK();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Event>> ReadEvents(Database* db, Time since, Time until, uint64_t after_seq) {
  std::vector<Event> out;
  // A row holds `count` events from `seq` on (all at one time); no row holds more
  // than kMaxEventRun, so the rows with events after `after_seq` start after
  // after_seq - kMaxEventRun, which keeps the search on the primary key.
  SWARMSIM_ASSIGN_STMT(stmt, db,
                       "SELECT seq, time, type, action, actor_id, attributes, count, run FROM events "
                       "WHERE time >= ?1 AND time <= ?2 AND seq > ?4 AND seq + count - 1 > ?3 ORDER BY seq");
  // seq is stored as a signed integer: keep an unsigned "after" in range.
  const int64_t after = static_cast<int64_t>(std::min<uint64_t>(after_seq, INT64_MAX));
  stmt->Bind(1, since).Bind(2, until).Bind(3, after).Bind(4, after - static_cast<int64_t>(kMaxEventRun));
  Status st = ForEachRow(stmt, [&] {
    Event e;
    e.seq = stmt->Uint(0);
    e.time = stmt->Int(1);
    e.type = stmt->Text(2);
    e.action = stmt->Text(3);
    e.actor_id = stmt->Text(4);
    std::string what = "event " + std::to_string(e.seq);
    auto attrs = ParseStored(db, stmt->TextView(5), what);
    if (!attrs.ok()) return attrs.status();
    if (!ReadStringMap(attrs.value(), &e.attributes)) return Damaged(db, what + ": attributes are not strings");
    int64_t count = stmt->Int(6);
    if (count == 1) {
      out.push_back(std::move(e));
      return Status::OK();
    }
    if (count < 1 || static_cast<uint64_t>(count) > kMaxEventRun ||
        !ExpandEventRun(e, stmt->TextView(7), static_cast<size_t>(count), after_seq, &out)) {
      return Damaged(db, what + ": not a run of " + std::to_string(count) + " events");
    }
    return Status::OK();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<LogLine>> ReadLogs(Database* db, const std::set<std::string>& task_ids) {
  std::vector<LogLine> out;
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT seq, time, task_id, stream, text FROM logs WHERE task_id = ?1 ORDER BY seq");
  for (const auto& id : task_ids) {
    stmt->Bind(1, id);
    Status st = ForEachRow(stmt, [&] {
      LogLine l;
      l.seq = stmt->Uint(0);
      l.time = stmt->Int(1);
      l.task_id = stmt->Text(2);
      l.stream = stmt->Text(3);
      l.text = stmt->Text(4);
      out.push_back(std::move(l));
      return Status::OK();
    });
    if (!st.ok()) return st;
  }
  std::sort(out.begin(), out.end(), [](const LogLine& a, const LogLine& b) { return a.seq < b.seq; });
  return out;
}

Result<Decision> ReadDecision(Database* db, const std::string& id) {
  SWARMSIM_ASSIGN_STMT(stmt, db, "SELECT json FROM decisions WHERE id = ?1");
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row.ok()) {
    stmt->Reset();
    return row.status();
  }
  if (!row.value()) {
    stmt->Reset();
    return Status::NotFound("decision " + id + " not found");
  }
  Decision d;
  // Decisions are written by DecisionJsonText; read its shape directly, and
  // anything else (older or hand-made rows) as JSON.
  if (ParseDecisionJsonText(stmt->TextView(0), &d)) {
    stmt->Reset();
    return d;
  }
  auto j = ParseStored(db, stmt->TextView(0), "decision " + id);
  stmt->Reset();
  if (!j.ok()) return j.status();
  Status st = FromJson(j.value(), &d);
  if (!st.ok()) return Damaged(db, "decision " + id + ": " + st.message());
  return d;
}

#undef SWARMSIM_ASSIGN_STMT

}  // namespace swarmsim
