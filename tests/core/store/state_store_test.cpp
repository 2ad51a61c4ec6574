#include "core/store/state_store.h"

#include <gtest/gtest.h>

#include "core/ca/root_ca.h"
#include "core/cluster/canonical.h"
#include "tests/core/store/store_fixture.h"

namespace swarmsim {
namespace {

using testing::ClusterJson;
using testing::DumpDatabase;
using testing::kSampleTime;
using testing::SampleCluster;
using testing::ScratchDir;

class StateStoreTest : public ::testing::Test {
 protected:
  void OpenAt(const std::string& name) {
    path_ = ScratchDir(name) + "/cluster.db";
    Reopen();
  }
  void Reopen() {
    db_.reset();
    auto db = Database::Open(path_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(db.value());
  }
  // One command's transaction around `save`.
  void Save(ClusterState* state) {
    ASSERT_TRUE(db_->Begin().ok());
    Status st = SaveState(db_.get(), state);
    ASSERT_TRUE(st.ok()) << st.message();
    ASSERT_TRUE(db_->Commit().ok());
  }
  ClusterState Load() {
    ClusterState s;
    EXPECT_TRUE(db_->Begin().ok());
    Status st = LoadState(db_.get(), &s);
    EXPECT_TRUE(st.ok()) << st.message();
    db_->Rollback();
    return s;
  }
  int64_t Count(const std::string& table) {
    auto stmt = db_->Prepare("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt.value()->Step().value());
    int64_t n = stmt.value()->Int(0);
    stmt.value()->Reset();
    return n;
  }

  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST_F(StateStoreTest, FreshDatabaseLoadsAnEmptyInactiveCluster) {
  OpenAt("fresh");
  ClusterState s = Load();
  EXPECT_FALSE(s.swarm_active);
  EXPECT_TRUE(s.nodes.empty());
  EXPECT_TRUE(s.services.empty());
  EXPECT_TRUE(s.tasks.empty());
  EXPECT_TRUE(s.networks.empty());
  EXPECT_EQ(s.index, 0u);
  EXPECT_EQ(s.loaded_index, 0u);
  EXPECT_EQ(s.clock.speed, 1.0);
  EXPECT_TRUE(s.due.empty());
}

TEST_F(StateStoreTest, SaveThenLoadGivesTheSameCluster) {
  OpenAt("round_trip");
  ClusterState s = SampleCluster(3, 7);
  Save(&s);
  EXPECT_TRUE(s.new_events.empty());
  EXPECT_TRUE(s.new_decisions.empty());
  EXPECT_EQ(s.loaded_index, s.index);

  Reopen();  // nothing cached in memory survives
  ClusterState loaded = Load();
  EXPECT_EQ(ClusterJson(loaded), ClusterJson(s)) << ClusterJson(loaded).dump(1);
  EXPECT_EQ(loaded.loaded_index, s.index);
  EXPECT_EQ(loaded.id_seed, 0xfedcba9876543210ULL);
  EXPECT_EQ(loaded.clock.speed, 2.5);
  EXPECT_TRUE(loaded.clock.paused);
  EXPECT_TRUE(loaded.new_events.empty());

  // due: every task with a due time, and the service's wake-up.
  std::set<DueEntry> want;
  for (const auto& [id, t] : s.tasks) {
    if (t.due_at != 0) want.insert({t.due_at, DueKind::kTask, id});
  }
  for (const auto& [id, v] : s.services) want.insert({v.wake_at, DueKind::kService, id});
  EXPECT_EQ(loaded.due, want);
  EXPECT_EQ(want.size(), 4u);  // 3 odd tasks + 1 service
}

TEST_F(StateStoreTest, TasksOfOneSpecShareOneRowAndOneCopy) {
  OpenAt("spec_dedup");
  ClusterState s = SampleCluster(2, 30);
  Save(&s);
  EXPECT_EQ(Count("task_specs"), 1);

  ClusterState loaded = Load();
  ASSERT_EQ(loaded.tasks.size(), 30u);
  const TaskSpec* first = loaded.tasks.begin()->second.spec.get();
  const EndpointSpec* first_endpoint = loaded.tasks.begin()->second.endpoint.get();
  for (const auto& [id, t] : loaded.tasks) {
    EXPECT_EQ(t.spec.get(), first) << id;
    EXPECT_EQ(t.endpoint.get(), first_endpoint) << id;
  }
  // New tasks of the service's current spec can share the loaded copy.
  const auto& cached = loaded.spec_cache.at(loaded.services.begin()->first);
  EXPECT_EQ(cached.task.get(), first);
  EXPECT_EQ(cached.spec_version, loaded.services.begin()->second.spec_version);

  // Equal content in different copies still finds the stored row.
  for (auto& [id, t] : loaded.tasks) {
    t.spec = std::make_shared<const TaskSpec>(*t.spec);
    t.version = ++loaded.index;
  }
  Save(&loaded);
  EXPECT_EQ(Count("task_specs"), 1);

  // A changed spec is a second row, kept apart from the first.
  Task& changed = loaded.tasks.begin()->second;
  TaskSpec other = *changed.spec;
  other.container.image = "nginx:2";
  changed.spec = std::make_shared<const TaskSpec>(other);
  changed.version = ++loaded.index;
  Save(&loaded);
  EXPECT_EQ(Count("task_specs"), 2);
  ClusterState again = Load();
  EXPECT_EQ(again.tasks.begin()->second.spec->container.image, "nginx:2");
  EXPECT_EQ(std::next(again.tasks.begin())->second.spec->container.image, testing::FullTaskSpec().container.image);
  EXPECT_EQ(ClusterJson(again), ClusterJson(loaded));
}

TEST_F(StateStoreTest, OnlyObjectsWithANewerVersionAreWritten) {
  OpenAt("only_changed");
  ClusterState s = SampleCluster(2, 2);
  Save(&s);
  ClusterState loaded = Load();

  // Changed without Touch: the invariant says it is not written.
  Node& quiet = loaded.nodes.begin()->second;
  quiet.spec.labels["quiet"] = "yes";
  // Changed with a new version: written.
  Node& loud = std::next(loaded.nodes.begin())->second;
  loud.spec.labels["loud"] = "yes";
  Touch(&loaded, &loud);
  Task& task = loaded.tasks.begin()->second;
  SetTaskState(&loaded, &task, TaskState::kRunning, "started");
  Save(&loaded);

  ClusterState after = Load();
  EXPECT_EQ(after.nodes.begin()->second.spec.labels.count("quiet"), 0u);
  EXPECT_EQ(std::next(after.nodes.begin())->second.spec.labels.at("loud"), "yes");
  EXPECT_EQ(after.tasks.begin()->second.status.state, TaskState::kRunning);
  EXPECT_EQ(after.index, loaded.index);
}

TEST_F(StateStoreTest, RemovedObjectsAreDeleted) {
  OpenAt("removals");
  ClusterState s = SampleCluster(3, 3);
  Save(&s);
  ClusterState loaded = Load();
  std::string node = loaded.nodes.begin()->first;
  std::string service = loaded.services.begin()->first;
  std::string network = loaded.networks.begin()->first;
  std::string task = loaded.tasks.begin()->first;
  loaded.nodes.erase(node);
  loaded.removed_nodes.insert(node);
  loaded.services.erase(service);
  loaded.removed_services.insert(service);
  loaded.networks.erase(network);
  loaded.removed_networks.insert(network);
  RemoveTask(&loaded, task);
  Save(&loaded);
  EXPECT_TRUE(loaded.removed_nodes.empty());
  EXPECT_TRUE(loaded.removed_tasks.empty());

  ClusterState after = Load();
  EXPECT_EQ(after.nodes.count(node), 0u);
  EXPECT_EQ(after.services.count(service), 0u);
  EXPECT_EQ(after.networks.count(network), 0u);
  EXPECT_EQ(after.tasks.count(task), 0u);
  EXPECT_EQ(after.nodes.size(), 2u);
  EXPECT_EQ(after.tasks.size(), 2u);
  EXPECT_EQ(ClusterJson(after), ClusterJson(loaded));
}

TEST_F(StateStoreTest, EventsAreNumberedInOrderAcrossCommands) {
  OpenAt("events");
  ClusterState s;
  s.clock.now = 100;
  RecordEvent(&s, "node", "create", "n1");
  RecordEvent(&s, "node", "update", "n1", {{"availability", "drain"}});
  Save(&s);
  ClusterState next = Load();
  next.clock.now = 200;
  RecordEvent(&next, "service", "create", "s1", {{"name", "web"}});
  next.clock.now = 300;
  RecordEvent(&next, "service", "remove", "s1");
  Save(&next);

  auto all = ReadEvents(db_.get(), 0, INT64_MAX);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 4u);
  for (size_t i = 0; i < all->size(); ++i) EXPECT_EQ((*all)[i].seq, i + 1);
  EXPECT_EQ((*all)[1].action, "update");
  EXPECT_EQ((*all)[1].attributes.at("availability"), "drain");
  EXPECT_EQ((*all)[2].time, 200);
  EXPECT_EQ((*all)[2].actor_id, "s1");

  auto window = ReadEvents(db_.get(), 150, 250);
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ((*window)[0].seq, 3u);

  auto after = ReadEvents(db_.get(), 0, INT64_MAX, 2);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ((*after)[0].seq, 3u);
}

// A save can hand the written lists to the caller instead of freeing them; what
// it writes is the same.
TEST_F(StateStoreTest, SpentListsTakeTheWrittenEventsAndDecisions) {
  OpenAt("spent");
  ClusterState s;
  s.clock.now = 100;
  RecordEvent(&s, "node", "create", "n1");
  Decision d;
  d.id = "d1";
  d.service_id = "s1";
  s.new_decisions.push_back(d);
  SavedLists spent;
  spent.events.resize(7);  // replaced, not appended to
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(SaveState(db_.get(), &s, &spent).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_TRUE(s.new_events.empty());
  EXPECT_TRUE(s.new_decisions.empty());
  ASSERT_EQ(spent.events.size(), 1u);
  EXPECT_EQ(spent.events[0].actor_id, "n1");
  ASSERT_EQ(spent.decisions.size(), 1u);
  EXPECT_EQ(spent.decisions[0].id, "d1");
  auto all = ReadEvents(db_.get(), 0, INT64_MAX);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_TRUE(ReadDecision(db_.get(), "d1").ok());
}

// A big create records its events as runs of like events, one row each; reading
// gives back every event as recorded, by seq and by time, across commands.
TEST_F(StateStoreTest, LikeEventsAreStoredAsOneRowAndReadBackEventByEvent) {
  OpenAt("event_runs");
  ClusterState s;
  s.clock.now = 100;
  RecordEvent(&s, "service", "create", "svc", {{"name", "web"}});
  for (int i = 0; i < 5000; ++i) {
    RecordEvent(&s, "task", "create", "task" + std::to_string(i),
                {{"service", "web"}, {"slot", std::to_string(i + 1)}, {"node", "node" + std::to_string(i % 7)}});
  }
  for (int i = 0; i < 5000; ++i) {
    RecordEvent(&s, "task", "state", "task" + std::to_string(i),
                {{"state", "pending"}, {"message", "pending task scheduling"}, {"service", "web"}});
  }
  std::vector<Event> recorded = s.new_events;
  Save(&s);
  // 1 + 5000 + 5000 events: one plain row, then runs of at most kMaxEventRun.
  EXPECT_EQ(Count("events"), 1 + 2 + 2);

  ClusterState next = Load();
  next.clock.now = 200;
  RecordEvent(&next, "task", "state", "task0", {{"state", "assigned"}, {"message", "m"}, {"service", "web"}});
  RecordEvent(&next, "task", "state", "task1", {{"state", "assigned"}, {"message", "m"}, {"service", "web"}});
  for (const auto& e : next.new_events) recorded.push_back(e);
  Save(&next);

  auto all = ReadEvents(db_.get(), 0, INT64_MAX);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), recorded.size());
  for (size_t i = 0; i < recorded.size(); ++i) {
    const Event& got = (*all)[i];
    EXPECT_EQ(got.seq, i + 1);
    EXPECT_EQ(got.time, recorded[i].time);
    EXPECT_EQ(got.type, recorded[i].type);
    EXPECT_EQ(got.action, recorded[i].action);
    EXPECT_EQ(got.actor_id, recorded[i].actor_id);
    EXPECT_EQ(got.attributes, recorded[i].attributes) << "event " << i + 1;
  }

  auto after = ReadEvents(db_.get(), 0, INT64_MAX, 4500);  // inside the second row of creates
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), recorded.size() - 4500);
  EXPECT_EQ(after->front().seq, 4501u);
  EXPECT_EQ(after->front().actor_id, "task4499");

  auto later = ReadEvents(db_.get(), 150, INT64_MAX);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 2u);
  EXPECT_EQ(later->front().seq, 10002u);
  EXPECT_EQ(later->back().actor_id, "task1");
}

// A schema-3 file (one event per row, no count or run columns) gains them on open
// and its events read as before; new events continue its numbering.
TEST_F(StateStoreTest, EventsOfASchema3FileStillRead) {
  OpenAt("events_schema3");
  ClusterState s;
  s.clock.now = 100;
  RecordEvent(&s, "node", "create", "n1", {{"name", "node1"}});
  RecordEvent(&s, "node", "update", "n1", {{"availability", "drain"}});
  Save(&s);
  db_.reset();
  ASSERT_TRUE(testing::RawExec(path_,
                               "ALTER TABLE events DROP COLUMN run; ALTER TABLE events DROP COLUMN count; "
                               "UPDATE meta SET value = 3 WHERE key = 'schema_version'"));
  Reopen();
  ClusterState next = Load();
  next.clock.now = 200;
  RecordEvent(&next, "service", "create", "s1", {{"name", "web"}});
  Save(&next);
  auto all = ReadEvents(db_.get(), 0, INT64_MAX);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].actor_id, "n1");
  EXPECT_EQ((*all)[0].attributes.at("name"), "node1");
  EXPECT_EQ((*all)[1].attributes.at("availability"), "drain");
  EXPECT_EQ((*all)[2].seq, 3u);
  EXPECT_EQ((*all)[2].actor_id, "s1");
}

TEST_F(StateStoreTest, DecisionsAreReadBackById) {
  OpenAt("decisions");
  ClusterState s;
  s.new_decisions.push_back(testing::FullDecision());
  Save(&s);
  auto d = ReadDecision(db_.get(), "dec1");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(ToJson(d.value()), ToJson(testing::FullDecision()));
  auto missing = ReadDecision(db_.get(), "nosuch");
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message(), "decision nosuch not found");

  // A row in another JSON layout (not DecisionJsonText's) still reads as JSON.
  ASSERT_TRUE(db_->Exec("UPDATE decisions SET json = '" + ToJson(testing::FullDecision()).dump(1) + "'").ok());
  auto relaid = ReadDecision(db_.get(), "dec1");
  ASSERT_TRUE(relaid.ok()) << relaid.status().message();
  EXPECT_EQ(ToJson(relaid.value()), ToJson(testing::FullDecision()));
}

TEST_F(StateStoreTest, CommandLogKeepsArgvFilesAndEnvInOrder) {
  OpenAt("commands");
  CommandRecord first;
  first.time = 10;
  first.argv = {"swarm", "init"};
  CommandRecord second;
  second.time = 20;
  second.argv = {"stack", "deploy", "-c", "v1.yml", "todo"};
  second.files = {{"v1.yml", "services:\n  web:\n    image: ${IMAGE}\n"}};
  second.env = {{"IMAGE", "nginx"}};
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(AppendCommand(db_.get(), &first).ok());
  ASSERT_TRUE(AppendCommand(db_.get(), &second).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(first.seq, 1u);
  EXPECT_EQ(second.seq, 2u);

  auto log = ReadCommands(db_.get());
  ASSERT_TRUE(log.ok()) << log.status().message();
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].argv, first.argv);
  EXPECT_EQ((*log)[0].time, 10);
  EXPECT_EQ((*log)[1].seq, 2u);
  EXPECT_EQ((*log)[1].argv, second.argv);
  EXPECT_EQ((*log)[1].files, second.files);
  EXPECT_EQ((*log)[1].env, second.env);
}

TEST_F(StateStoreTest, CommandFilesAreKeptByteForByte) {
  OpenAt("command_bytes");
  CommandRecord r;
  r.argv = {"stack", "deploy", "-c", "latin1.yml", "caf\xe9"};
  r.files = {{"latin1.yml", std::string("name: caf\xe9\n\0end", 15)}, {"utf8.yml", "name: caf\xc3\xa9\n"}};
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(AppendCommand(db_.get(), &r).ok());
  ASSERT_TRUE(db_->Commit().ok());
  auto log = ReadCommands(db_.get());
  ASSERT_TRUE(log.ok()) << log.status().message();
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].files, r.files);
  EXPECT_EQ((*log)[0].argv[4], "caf\xef\xbf\xbd") << "argv is text: invalid bytes become U+FFFD";
}

TEST_F(StateStoreTest, InvalidUtf8NeverThrows) {
  OpenAt("bad_utf8");
  ClusterState s = SampleCluster(1, 1);
  s.nodes.begin()->second.spec.labels["zone"] = "caf\xe9";
  s.new_events.front().attributes["bytes"] = "\xff";
  Save(&s);
  ClusterState loaded = Load();
  EXPECT_EQ(loaded.nodes.begin()->second.spec.labels.at("zone"), "caf\xef\xbf\xbd");
}

// Style rule 12: whichever write fails, the failed command leaves the file exactly
// as it was.
TEST_F(StateStoreTest, AFailedWriteAnywhereLeavesTheFileUnchanged) {
  OpenAt("fail_nth");
  ClusterState s = SampleCluster(3, 4);
  Save(&s);
  const std::string before = DumpDatabase(path_);

  int failures = 0;
  for (int64_t n = 0;; ++n) {
    ASSERT_TRUE(db_->Begin().ok());
    ClusterState state;
    ASSERT_TRUE(LoadState(db_.get(), &state).ok());
    // A command that touches every table.
    state.clock.now += kSecond;
    Node& node = state.nodes.begin()->second;
    node.spec.availability = NodeAvailability::kDrain;
    Touch(&state, &node);
    std::string gone = std::prev(state.nodes.end())->first;
    state.nodes.erase(gone);
    state.removed_nodes.insert(gone);
    RemoveTask(&state, state.tasks.begin()->first);
    Task& task = std::next(state.tasks.begin())->second;
    SetTaskState(&state, &task, TaskState::kRunning, "started");
    TaskSpec changed = *task.spec;
    changed.force_update++;
    task.spec = std::make_shared<const TaskSpec>(changed);
    Touch(&state, &state.services.begin()->second);
    Touch(&state, &state.networks.begin()->second);
    Decision d = testing::FullDecision();
    d.id = "dec2";
    state.new_decisions.push_back(d);
    CommandRecord record;
    record.argv = {"node", "update", "--availability", "drain", node.id};

    db_->TEST_FailAfterWrites(n);
    Status st = AppendCommand(db_.get(), &record);
    if (st.ok()) st = SaveState(db_.get(), &state);
    if (st.ok()) {
      db_->TEST_FailAfterWrites(-1);
      ASSERT_TRUE(db_->Commit().ok());
      break;
    }
    ++failures;
    EXPECT_NE(st.message().find("injected write failure"), std::string::npos) << st.message();
    db_->Rollback();
    db_->TEST_FailAfterWrites(-1);
    ASSERT_EQ(DumpDatabase(path_), before) << "after failing write " << n;
  }
  // Every table got at least one write, so the loop failed at least that often.
  EXPECT_GE(failures, 15);
  std::string after = DumpDatabase(path_);
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("dec2"), std::string::npos);
}

TEST_F(StateStoreTest, DamagedRowsAreReportedNotThrown) {
  OpenAt("damaged_rows");
  ClusterState s = SampleCluster(1, 1);
  Save(&s);
  db_.reset();
  ASSERT_TRUE(testing::RawExec(path_, "UPDATE nodes SET json = '{not json'"));
  Reopen();
  ASSERT_TRUE(db_->Begin().ok());
  ClusterState loaded;
  Status st = LoadState(db_.get(), &loaded);
  db_->Rollback();
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_EQ(st.message(),
            "cluster database " + path_ + " is damaged: node " + s.nodes.begin()->first + " is not valid JSON");
}

TEST_F(StateStoreTest, TheRootCaIsKeptAndAnOlderDatabaseGetsTheOneInitMade) {
  OpenAt("root_ca");
  ClusterState s = SampleCluster(1, 1);
  s.swarm.tls_info = {"-----BEGIN CERTIFICATE-----\n...", std::string("\x30\x00", 2), std::string("\xff\x01", 2)};
  s.swarm.version = ++s.index;
  Save(&s);
  Reopen();
  EXPECT_EQ(Load().swarm.tls_info, s.swarm.tls_info);

  // A swarm row written before the CA was kept has no TLSInfo.
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Exec("UPDATE meta SET value = json_remove(value, '$.TLSInfo') WHERE key = 'swarm'").ok());
  ASSERT_TRUE(db_->Commit().ok());
  ClusterState old = Load();
  EXPECT_EQ(old.swarm.tls_info, TlsInfoOf(CreateRootCa(s.cluster_id, s.swarm.created_at)));
}

}  // namespace
}  // namespace swarmsim

namespace swarmsim {
namespace {

TEST_F(StateStoreTest, ConfigsSecretsVolumesLayersLogsAndCatalogueRoundTrip) {
  OpenAt("schema2_objects");
  ClusterState s = SampleCluster(2, 3);
  Config cfg;
  cfg.id = "cfg1";
  cfg.name = "app-config";
  cfg.data = std::string("bin\0ary\xff", 8);
  cfg.labels["a"] = "b";
  Touch(&s, &cfg);
  s.configs[cfg.id] = cfg;
  Config sec = cfg;
  sec.id = "sec1";
  sec.name = "app-secret";
  sec.data = "hunter2";
  Touch(&s, &sec);
  s.secrets[sec.id] = sec;
  Volume v;
  v.node_id = s.nodes.begin()->first;
  v.name = "todo_data";
  v.files["pgdata/PG_VERSION"] = "11\n";
  v.anonymous = true;
  v.owner_task_id = s.tasks.begin()->first;
  v.mount_target = "/data";
  Touch(&s, &v);
  s.volumes[{v.node_id, v.name}] = v;
  s.layers[s.tasks.begin()->first]["/tmp/x"] = "y";
  s.changed_layers.insert(s.tasks.begin()->first);
  s.mesh_next[8080] = 3;
  s.mesh_changed = true;
  ImageEntry broken;
  broken.reference = "me/broken:1";
  broken.size_bytes = 5;
  broken.exit_after = 3 * kSecond;
  broken.exit_code = 1;
  s.images["me/broken:1"] = broken;
  s.images_changed = true;
  s.new_logs.push_back({0, 42, s.tasks.begin()->first, "stderr", "boom"});
  Save(&s);
  EXPECT_TRUE(s.new_logs.empty());

  Reopen();
  ClusterState loaded = Load();
  EXPECT_EQ(CanonicalState(loaded), CanonicalState(s));
  EXPECT_EQ(loaded.secrets.at("sec1").data, "hunter2");
  EXPECT_EQ(loaded.configs.at("cfg1").data, cfg.data);
  auto logs = ReadLogs(db_.get(), {s.tasks.begin()->first});
  ASSERT_TRUE(logs.ok());
  ASSERT_EQ(logs->size(), 1u);
  EXPECT_EQ(logs->at(0).text, "boom");
  EXPECT_EQ(logs->at(0).stream, "stderr");

  // The secret's data is only in its own column, never in the JSON.
  auto stmt = db_->Prepare("SELECT json FROM configs WHERE id = 'sec1'");
  ASSERT_TRUE(stmt.ok());
  ASSERT_TRUE(stmt.value()->Step().value());
  EXPECT_EQ(stmt.value()->Text(0).find("hunter2"), std::string::npos);
  stmt.value()->Reset();

  // Removing them deletes their rows.
  loaded.secrets.erase("sec1");
  loaded.removed_secrets.insert("sec1");
  loaded.volumes.clear();
  loaded.removed_volumes.insert({v.node_id, v.name});
  loaded.layers.clear();
  loaded.changed_layers.insert(s.tasks.begin()->first);
  ++loaded.index;
  Save(&loaded);
  EXPECT_EQ(Count("configs"), 1);
  EXPECT_EQ(Count("volumes"), 0);
  EXPECT_EQ(Count("layers"), 0);
}

}  // namespace
}  // namespace swarmsim

namespace swarmsim {
namespace {

TEST_F(StateStoreTest, NetworkAddressesIpamAndSwarmSettingsRoundTrip) {
  OpenAt("networks_round_trip");
  ClusterState s = SampleCluster(2, 3);
  Network n;
  n.id = "net000000000000000000000a";
  n.name = "backend";
  n.ipam = {{"10.0.1.0/24", "10.0.1.1"}};
  n.options["com.docker.network.driver.overlay.vxlanid_list"] = "4097";
  n.internal = true;
  n.version = ++s.index;
  s.networks[n.id] = n;
  Task& t = s.tasks.begin()->second;
  t.networks = {{n.id, "10.0.1.3/24"}, {"other", "10.0.2.3/24"}};
  t.version = ++s.index;
  Service& svc = s.services.begin()->second;
  svc.virtual_ips = {{n.id, "10.0.1.2/24"}};
  svc.version = ++s.index;
  s.swarm.task_history_limit = -1;
  s.swarm.dispatcher_heartbeat = 9 * kSecond;
  s.swarm.worker_token_rotations = 2;
  s.swarm.version = ++s.index;
  Save(&s);
  Reopen();
  ClusterState loaded = Load();
  EXPECT_EQ(ClusterJson(loaded), ClusterJson(s)) << ClusterJson(loaded).dump(1);
  EXPECT_EQ(loaded.tasks.at(t.id).networks, t.networks);
  EXPECT_EQ(loaded.services.at(svc.id).virtual_ips, svc.virtual_ips);
  const Network& ln = loaded.networks.at(n.id);
  EXPECT_EQ(ln.ipam, n.ipam);
  EXPECT_EQ(ln.options, n.options);
  EXPECT_TRUE(ln.internal);
  EXPECT_EQ(loaded.swarm.task_history_limit, -1);
  EXPECT_EQ(loaded.swarm.dispatcher_heartbeat, 9 * kSecond);
  EXPECT_EQ(loaded.swarm.worker_token_rotations, 2u);
}

}  // namespace
}  // namespace swarmsim
