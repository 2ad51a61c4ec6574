// Bad input never hurts state: every rejected command prints its error on stderr,
// exits non-zero, and leaves the cluster database logically identical (compared
// with sqlite3's .dump before and after).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Ran {
  std::string out, err;
  int exit_code = 0;
};

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("swarmsim-bad-input-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "cluster.db").string();
    ASSERT_EQ(Run("swarm init").exit_code, 0);
    ASSERT_EQ(Run("node add --count 2").exit_code, 0);
    ASSERT_EQ(Run("stack deploy -c scenarios/todo-list/v2.yml todo").exit_code, 0);
    ASSERT_EQ(Run("time advance 30s").exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }

  Ran Run(const std::string& args) {
    std::string cmd = "cd '" + std::string(SWARMSIM_SOURCE_DIR) + "' && SWARMSIM_STATE='" + db_ +
                      "' SWARMSIM_SEED=7 SWARMSIM_WALL_CLOCK=2026-01-05T09:00:00Z '" + SWARMSIM_BIN + "' " + args +
                      " >'" + (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "' </dev/null";
    int status = std::system(cmd.c_str());
    return {Slurp(dir_ / "out"), Slurp(dir_ / "err"), WIFEXITED(status) ? WEXITSTATUS(status) : -1};
  }

  std::string Dump() {
    std::string cmd = "sqlite3 '" + db_ + "' .dump >'" + (dir_ / "dump").string() + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    return Slurp(dir_ / "dump");
  }

  // Runs a command that must fail with `expected_err` as its whole stderr (and
  // `expected_exit`, when given).
  void ExpectRejected(const std::string& args, const std::string& expected_err, int expected_exit = -1) {
    std::string before = Dump();
    Ran r = Run(args);
    EXPECT_NE(r.exit_code, 0) << args;
    if (expected_exit >= 0) {
      EXPECT_EQ(r.exit_code, expected_exit) << args;
    }
    EXPECT_EQ(r.err, expected_err) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_EQ(Dump(), before) << "database changed by: " << args;
  }

  // A flag error: `message`, then docker's usage trailer; exit 125.
  void ExpectFlagRejected(const std::string& args, const std::string& message) {
    std::string before = Dump();
    Ran r = Run(args);
    EXPECT_EQ(r.exit_code, 125) << args;
    EXPECT_EQ(r.err.substr(0, message.size() + 10), message + "\n\nUsage:  ") << args;
    EXPECT_NE(r.err.find("\n\nRun 'swarmsim "), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_EQ(Dump(), before) << "database changed by: " << args;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(BadInput, MalformedYaml) {
  ExpectRejected("stack deploy -c tests/data/bad-indent.yml todo",
                 "yaml: line 5: mapping values are not allowed in this context\n");
}

TEST_F(BadInput, UnknownComposeKey) {
  ExpectRejected("stack deploy -c tests/data/unknown-key.yml todo",
                 "services.web.deploy Additional property replica is not allowed\n");
}

TEST_F(BadInput, WrongComposeType) {
  ExpectRejected("stack deploy -c tests/data/wrong-type.yml todo", "services.web.deploy.replicas must be a integer\n");
}

TEST_F(BadInput, BadConstraintInStack) {
  ExpectRejected("stack deploy -d -c tests/data/bad-constraint.yml todo",
                 "failed to create service todo_web: Error response from daemon: rpc error: code = Unknown desc = "
                 "constraint expected one operator from ==, !=\n");
}

TEST_F(BadInput, BadConstraintFlag) {
  ExpectRejected("service create --constraint 'node.role=manager' nginx",
                 "Error response from daemon: rpc error: code = Unknown desc = constraint expected one operator from "
                 "==, !=\n");
}

TEST_F(BadInput, UnknownNode) {
  ExpectRejected("node update --label-add storage=raid nosuch", "Error response from daemon: node nosuch not found\n");
}

TEST_F(BadInput, UnknownService) {
  ExpectRejected("service scale nosuch=2", "nosuch: Error response from daemon: service nosuch not found\n");
  ExpectRejected("service rm nosuch", "Error response from daemon: service nosuch not found\n");
  ExpectRejected("service ps nosuch", "no such service: nosuch\n");
}

TEST_F(BadInput, NegativeReplicas) {
  ExpectFlagRejected("service create --replicas -1 nginx",
                 "invalid argument \"-1\" for \"--replicas\" flag: strconv.ParseUint: parsing \"-1\": invalid "
                 "syntax");
  ExpectRejected("service scale todo_todo-web=-1",
                 "todo_todo-web: invalid replicas value -1: strconv.ParseUint: parsing \"-1\": invalid syntax\n");
}

TEST_F(BadInput, BadSize) {
  ExpectFlagRejected("service create --limit-memory 100Q nginx",
                 "invalid argument \"100Q\" for \"--limit-memory\" flag: invalid suffix: 'q'");
}

TEST_F(BadInput, SecondSwarmInit) {
  ExpectRejected("swarm init",
                 "Error response from daemon: This node is already part of a swarm. Use \"docker swarm leave\" to "
                 "leave this swarm and join another one.\n");
}

// docker/cli's cli/required.go: the error, the usage line, where to read more.
TEST_F(BadInput, ArgumentCountsAsDockerSaysThem) {
  ExpectRejected("node update --label-add a=b node1 node2",
                 "swarmsim: 'swarmsim node update' requires 1 argument\n\nUsage:  swarmsim node update [OPTIONS] NODE\n\n"
                 "Run 'swarmsim node update --help' for more information\n",
                 1);
  ExpectRejected("service ps",
                 "swarmsim: 'swarmsim service ps' requires at least 1 argument\n\nUsage:  swarmsim service ps [OPTIONS] "
                 "SERVICE [SERVICE...]\n\nSee 'swarmsim service ps --help' for more information\n",
                 1);
  ExpectRejected("service ls extra",
                 "swarmsim: 'swarmsim service ls' accepts no arguments\n\nUsage:  swarmsim service ls [OPTIONS]\n\n"
                 "Run 'swarmsim service ls --help' for more information\n",
                 1);
  // sic: docker 28.2.2 prints "SRun" after "requires at most".
  ExpectRejected("node add a b",
                 "swarmsim: 'swarmsim node add' requires at most 1 argument\n\nUsage:  swarmsim node add [OPTIONS] "
                 "[NAME]\n\nSRun 'swarmsim node add --help' for more information\n",
                 1);
}

TEST_F(BadInput, TimeDoesNotGoBackwards) {
  ExpectRejected("time advance -5s", "time cannot go backwards: -5s\n");
}

// Flag errors add the usage and exit 125, as cobra's FlagErrorFunc in docker/cli.
TEST_F(BadInput, UnknownFlagAndCommand) {
  const std::string ls_trailer =
      "\n\nUsage:  swarmsim service ls [OPTIONS]\n\nRun 'swarmsim service ls --help' for more information\n";
  ExpectRejected("service ls --foo", "unknown flag: --foo" + ls_trailer, 125);
  ExpectRejected("service ls -x", "unknown shorthand flag: 'x' in -x" + ls_trailer, 125);
  ExpectRejected("service ls --format", "flag needs an argument: --format" + ls_trailer, 125);
  ExpectRejected("service ls -q=bogus",
                 "invalid argument \"bogus\" for \"-q, --quiet\" flag: strconv.ParseBool: parsing \"bogus\": invalid "
                 "syntax" + ls_trailer,
                 125);
  ExpectRejected("service ls -f bogus",
                 "invalid argument \"bogus\" for \"-f, --filter\" flag: bad format of filter (expected name=value)" +
                     ls_trailer,
                 125);
  ExpectRejected("service create --replicas x nginx",
                 "invalid argument \"x\" for \"--replicas\" flag: strconv.ParseUint: parsing \"x\": invalid syntax\n\n"
                 "Usage:  swarmsim service create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                 "Run 'swarmsim service create --help' for more information\n",
                 125);
  ExpectRejected("nosuch", "swarmsim: unknown command: swarmsim nosuch\n\nRun 'swarmsim --help' for more information\n",
                 1);
  ExpectRejected("service nosuch",
                 "swarmsim: unknown command: swarmsim service nosuch\n\nUsage:  swarmsim service\n\n"
                 "Run 'swarmsim service --help' for more information\n",
                 1);
}

// The daemon reads a node spec's words (either case) and names what it cannot.
TEST_F(BadInput, NodeUpdateWordsAreTheDaemons) {
  ExpectRejected("node update --availability bogus node1",
                 "Error response from daemon: invalid Availability: \"bogus\"\n", 1);
  ExpectRejected("node update --role boss --availability bogus node1",
                 "Error response from daemon: invalid Role: \"boss\"\n", 1);
}

TEST_F(BadInput, DryRunLeavesTheDatabaseAsItWas) {
  ASSERT_EQ(Run("time pause").exit_code, 0);
  std::string before = Dump();
  Ran r = Run("stack deploy --dry-run -c scenarios/todo-list/v1.yml todo");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tasks replaced because of: limits cpus 0.5 -> 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("replicas 2 -> 1"), std::string::npos) << r.out;
  EXPECT_EQ(Dump(), before);
}

TEST_F(BadInput, MissingComposeFile) {
  ExpectRejected("stack deploy -c nosuch.yml todo", "open nosuch.yml: no such file or directory\n");
}

TEST_F(BadInput, InvalidDurations) {
  ExpectFlagRejected("service update --update-delay 5x todo_todo-web",
                 "invalid argument \"5x\" for \"--update-delay\" flag: time: unknown unit \"x\" in duration \"5x\"");
  ExpectFlagRejected("service update --rollback-monitor soon todo_todo-web",
                 "invalid argument \"soon\" for \"--rollback-monitor\" flag: time: invalid duration \"soon\"");
  ExpectFlagRejected("service update --health-interval nope todo_todo-web",
                 "invalid argument \"nope\" for \"--health-interval\" flag: time: invalid duration \"nope\"");
  ExpectRejected("service update --update-monitor -1s todo_todo-web",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = TaskSpec: update-monitor cannot "
                 "be negative\n");
}

TEST_F(BadInput, ParallelismBelowZero) {
  ExpectFlagRejected("service update --update-parallelism -1 todo_todo-web",
                 "invalid argument \"-1\" for \"--update-parallelism\" flag: strconv.ParseUint: parsing \"-1\": "
                 "invalid syntax");
  ExpectFlagRejected("service create --rollback-parallelism -3 nginx",
                 "invalid argument \"-3\" for \"--rollback-parallelism\" flag: strconv.ParseUint: parsing \"-3\": "
                 "invalid syntax");
}

TEST_F(BadInput, RollbackWithoutPreviousSpec) {
  ASSERT_EQ(Run("service create --name fresh nginx").exit_code, 0);
  Ran r = Run("service inspect fresh --format '{{.ID}}'");
  std::string id = r.out.substr(0, r.out.find('\n'));
  std::string err = "Error response from daemon: rpc error: code = FailedPrecondition desc = service " + id +
                    " does not have a previous spec\n";
  ExpectRejected("service rollback fresh", err);
  ExpectRejected("service update --rollback fresh", err);
}

TEST_F(BadInput, HealthcheckFlagsConflict) {
  ExpectRejected("service create --no-healthcheck --health-cmd true nginx",
                 "--no-healthcheck conflicts with --health-* options\n");
}

TEST_F(BadInput, LoadRefusesWhatIsNotASnapshot) {
  std::string missing = (dir_ / "nosuch.db").string();
  ExpectRejected("load '" + missing + "'", "open " + missing + ": no such file or directory\n");
  std::string junk = (dir_ / "junk.db").string();
  std::ofstream(junk) << "not a database\n";
  ExpectRejected("load '" + junk + "'", "load " + junk + ": not a swarmsim cluster file\n");
  std::string other = (dir_ / "other.db").string();
  ASSERT_EQ(std::system(("sqlite3 '" + other + "' 'CREATE TABLE t(x)'").c_str()), 0);
  ExpectRejected("load '" + other + "'", "load " + other + ": not a swarmsim cluster file\n");
  std::string newer = (dir_ / "newer.db").string();
  ASSERT_EQ(Run("save '" + newer + "'").exit_code, 0);
  ASSERT_EQ(std::system(("sqlite3 '" + newer + "' \"UPDATE meta SET value = 99 WHERE key = 'schema_version'\"").c_str()), 0);
  ExpectRejected("load '" + newer + "'",
                 "load " + newer + ": written by a newer swarmsim (schema 99, this build reads 4)\n");
}

}  // namespace

TEST_F(BadInput, ExecIntoTasks) {
  ExpectRejected("exec todo_todo-web.9 ls /", "Error: no such task: todo_todo-web.9\n");
  ExpectRejected("exec todo_todo-web.1 cat /data/nope", "cat: /data/nope: No such file or directory\n");
  ExpectRejected("exec todo_todo-web.1 ls /nope", "ls: cannot access '/nope': No such file or directory\n");
}

TEST_F(BadInput, CurlErrorsAreCurls) {
  std::string before = Dump();
  Ran bad_url = Run("curl 'http://localhost:80x80/'");
  EXPECT_EQ(bad_url.exit_code, 3);
  EXPECT_EQ(bad_url.err, "curl: (3) URL using bad/illegal format or missing URL\n");
  Ran no_task = Run("curl http://localhost:9090/");
  EXPECT_EQ(no_task.exit_code, 7);
  EXPECT_EQ(no_task.err, "curl: (7) Failed to connect to localhost port 9090 after 0 ms: Couldn't connect to server\n");
  Ran not_found = Run("curl -f http://localhost:8080/missing");
  EXPECT_EQ(not_found.exit_code, 22);
  EXPECT_EQ(not_found.err, "curl: (22) The requested URL returned error: 404\n");
  EXPECT_EQ(Dump(), before);
}

TEST_F(BadInput, VolumesInUseStay) {
  Ran ls = Run("volume ls -q");
  ASSERT_EQ(ls.exit_code, 0);
  std::string first = ls.out.substr(0, ls.out.find('\n'));
  std::string before = Dump();
  Ran r = Run("volume rm " + first);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Error response from daemon: remove " + first + ": volume is in use - [", 0), 0u) << r.err;
  EXPECT_EQ(Dump(), before);
  // docker's inspector prints what it found ("[]": nothing), then the error.
  std::string before_inspect = Dump();
  Ran inspect = Run("volume inspect nosuch");
  EXPECT_EQ(inspect.exit_code, 1);
  EXPECT_EQ(inspect.out, "[]\n");
  EXPECT_EQ(inspect.err, "Error response from daemon: get nosuch: no such volume\n");
  EXPECT_EQ(Dump(), before_inspect);
}

TEST_F(BadInput, ImageCatalogueFiles) {
  ExpectRejected("image load tests/data/bad-images.yml",
                 "tests/data/bad-images.yml: line 4: exit_code: not an integer: lots\n");
  ExpectRejected("image load tests/data/no-such-file.yml",
                 "open tests/data/no-such-file.yml: no such file or directory\n");
}

TEST_F(BadInput, ConfigAndSecretFiles) {
  ExpectRejected("config create c tests/data/no-such-file.json", "open tests/data/no-such-file.json: no such file or directory\n");
  std::string empty = (dir_ / "empty.txt").string();
  std::ofstream(empty).close();
  ExpectRejected("secret create s '" + empty + "'", "error reading from " + empty + ": data is empty\n");
  ExpectRejected("secret create s -", "error reading from STDIN: data is empty\n");
  // The limits are exclusive: 1024000 bytes is one too many for a config, 512000 for a secret.
  std::string big = (dir_ / "big.txt").string();
  std::ofstream(big) << std::string(1024000, 'x');
  ExpectRejected("config create big '" + big + "'",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = config data must be larger "
                 "than 0 and less than 1024000 bytes\n");
  std::ofstream(big) << std::string(512000, 'x');
  ExpectRejected("secret create big '" + big + "'",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = secret data must be larger "
                 "than 0 and less than 512000 bytes\n");
  ExpectRejected("config create bad_ scenarios/todo-list/configs/config.json",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = invalid name, only 64 "
                 "[a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]\n");
  // One byte under the limit is accepted.
  std::ofstream(big) << std::string(511999, 'x');
  EXPECT_EQ(Run("secret create big '" + big + "'").exit_code, 0);
}

TEST_F(BadInput, ConfigsAndSecretsInUseOrTaken) {
  ASSERT_EQ(Run("config create todo-list-config scenarios/todo-list/configs/config.json").exit_code, 0);
  ASSERT_EQ(Run("secret create todo-list-secret scenarios/todo-list/secrets/secrets.json").exit_code, 0);
  ASSERT_EQ(Run("stack deploy -c scenarios/todo-list/v4.yml todo").exit_code, 0);
  ExpectRejected("config create todo-list-config scenarios/todo-list/configs/config.json",
                 "Error response from daemon: rpc error: code = AlreadyExists desc = config todo-list-config already "
                 "exists\n");
  ExpectRejected("secret create todo-list-secret scenarios/todo-list/secrets/secrets.json",
                 "Error response from daemon: rpc error: code = AlreadyExists desc = secret todo-list-secret already "
                 "exists\n");
  ExpectRejected("secret rm todo-list-secret",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'todo-list-secret' is in "
                 "use by the following service: todo_todo-web\n");
  ExpectRejected("config rm todo-list-config",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = config 'todo-list-config' is in "
                 "use by the following service: todo_todo-web\n");
  ExpectRejected("secret rm nosuch", "Error response from daemon: secret nosuch not found\n");
  // Two services: the message lists both.
  ASSERT_EQ(Run("service create --name other --secret todo-list-secret nginx").exit_code, 0);
  ExpectRejected("secret rm todo-list-secret",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'todo-list-secret' is in "
                 "use by the following services: other, todo_todo-web\n");
  ExpectRejected("service create --name web2 --secret missing nginx", "secret not found: missing\n");
  ExpectFlagRejected("service create --name web2 --config source=todo-list-config,oops nginx",
                 "invalid argument \"source=todo-list-config,oops\" for \"--config\" flag: invalid field 'oops' must "
                 "be a key=value pair");
  ExpectFlagRejected("service create --name web2 --secret target=/x nginx",
                 "invalid argument \"target=/x\" for \"--secret\" flag: source is required");
  ExpectRejected("service update --secret-add todo-list-secret other",
                 "Error response from daemon: rpc error: code = InvalidArgument desc = secret references "
                 "'todo-list-secret' and 'todo-list-secret' have a conflicting target: 'todo-list-secret'\n");
}

TEST_F(BadInput, SeveralObjectsSeveralOutcomes) {
  ASSERT_EQ(Run("config create a scenarios/todo-list/configs/config.json").exit_code, 0);
  ASSERT_EQ(Run("config create b scenarios/todo-list/configs/config.json").exit_code, 0);
  // A command that fails before any object is touched changes nothing.
  ExpectRejected("config rm --bogus a b",
                 "unknown flag: --bogus\n\nUsage:  swarmsim config rm CONFIG [CONFIG...]\n\nRun 'swarmsim config rm "
                 "--help' for more information\n",
                 125);
  // One call per object, as docker: what can go goes, each failure has its line.
  Ran r = Run("config rm a nope b");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "a\nb\n");
  EXPECT_EQ(r.err, "Error response from daemon: config nope not found\n");
  EXPECT_EQ(Run("config ls -q").out, "");
  Ran services = Run("service rm nope1 nope2");
  EXPECT_EQ(services.exit_code, 1);
  EXPECT_EQ(services.err,
            "Error response from daemon: service nope1 not found\nError response from daemon: service nope2 not found\n");
}

TEST_F(BadInput, StackOwnedSecrets) {
  ExpectRejected("stack deploy -d -c tests/data/configs/stack-missing.yml app",
                 "service web: secret not found: absent-secret\n");
  ExpectRejected("stack deploy -d -c tests/data/configs/stack-undefined.yml app", "service web: undefined secret \"nope\"\n");
  ASSERT_EQ(Run("config create todo-list-config scenarios/todo-list/configs/config.json").exit_code, 0);
  ASSERT_EQ(Run("secret create todo-list-secret scenarios/todo-list/secrets/secrets.json").exit_code, 0);
  ASSERT_EQ(Run("stack deploy -c tests/data/configs/stack.yml app").exit_code, 0);
  std::string before = Dump();
  Ran r = Run("stack deploy -c tests/data/configs/stack-changed.yml app");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("failed to update secret app_db-password: Error response from daemon: rpc error: code = "
                       "InvalidArgument desc = only updates to Labels are allowed\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Dump(), before);
  // A compose file whose secret file is missing.
  std::string compose = (dir_ / "missing-file.yml").string();
  std::ofstream(compose) << "version: \"3.7\"\nservices:\n  web:\n    image: nginx\n    secrets: [s]\n"
                            "secrets:\n  s:\n    file: ./nothing-here.txt\n";
  ExpectRejected("stack deploy -d -c '" + compose + "' other",
                 "open " + (dir_ / "nothing-here.txt").string() + ": no such file or directory\n");
}

// Not bad input, but the same harness: a secret's data is visible inside the
// task's file system and nowhere else the CLI or the cluster's tables show.
TEST_F(BadInput, SecretDataStaysInsideTasks) {
  std::string file = (dir_ / "pw.txt").string();
  std::ofstream(file) << "s3cr3t-needle\n";
  ASSERT_EQ(Run("secret create pw '" + file + "'").exit_code, 0);
  ASSERT_EQ(Run("service create --name db --secret pw nginx").exit_code, 0);
  ASSERT_EQ(Run("time advance 1m").exit_code, 0);
  Ran inside = Run("exec db.1 cat /run/secrets/pw");
  ASSERT_EQ(inside.exit_code, 0) << inside.err;
  EXPECT_EQ(inside.out, "s3cr3t-needle\n");
  for (const std::string cmd : {"secret inspect pw", "secret inspect --pretty pw", "secret inspect --format '{{json .}}' pw",
                                "secret ls --format '{{json .}}'", "service inspect db", "service inspect --pretty db",
                                "events --since 2026-01-01T00:00:00Z --until 2026-02-01T00:00:00Z",
                                "explain db.1", "service ps --no-trunc db", "service logs db"}) {
    Ran r = Run(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
    EXPECT_EQ((r.out + r.err).find("s3cr3t"), std::string::npos) << cmd;
  }
  for (const std::string table : {"events", "decisions", "services", "task_specs", "tasks", "logs"}) {
    std::string cmd = "sqlite3 '" + db_ + "' \"SELECT * FROM " + table + "\" >'" + (dir_ / "rows").string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << table;
    EXPECT_EQ(Slurp(dir_ / "rows").find("s3cr3t"), std::string::npos) << table;
  }
}
