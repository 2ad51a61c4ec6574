#include "core/store/database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/core/store/store_fixture.h"

namespace swarmsim {
namespace {

using testing::DumpDatabase;
using testing::RawExec;
using testing::ScratchDir;

std::unique_ptr<Database> MustOpen(const std::string& path) {
  auto db = Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return db.ok() ? std::move(db.value()) : nullptr;
}

int64_t CountRows(Database* db, const std::string& table) {
  auto stmt = db->Prepare("SELECT COUNT(*) FROM " + table);
  EXPECT_TRUE(stmt.ok());
  auto row = stmt.value()->Step();
  EXPECT_TRUE(row.ok() && row.value());
  int64_t n = stmt.value()->Int(0);
  stmt.value()->Reset();
  return n;
}

TEST(DatabaseTest, OpenCreatesDirectoriesFileAndSchema) {
  std::string path = ScratchDir("open_creates") + "/a/b/cluster.db";
  {
    auto db = MustOpen(path);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->path(), path);
    EXPECT_FALSE(db->in_transaction());
    auto stmt = db->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    ASSERT_TRUE(stmt.ok());
    auto row = stmt.value()->Step();
    ASSERT_TRUE(row.ok() && row.value());
    EXPECT_EQ(stmt.value()->Int(0), Database::kSchemaVersion);
    stmt.value()->Reset();
    auto mode = db->Prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    ASSERT_TRUE(mode.value()->Step().value());
    EXPECT_EQ(mode.value()->Text(0), "wal");
    mode.value()->Reset();
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  std::string dump = DumpDatabase(path);
  for (const char* table : {"meta", "nodes", "services", "networks", "task_specs", "tasks", "events", "decisions",
                            "commands"}) {
    EXPECT_NE(dump.find(std::string("== ") + table + ":"), std::string::npos) << table;
  }
  // Opening again keeps what is there.
  auto again = MustOpen(path);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(DumpDatabase(path), dump);
}

TEST(DatabaseTest, CommitKeepsAndRollbackDiscards) {
  std::string path = ScratchDir("commit_rollback") + "/cluster.db";
  auto db = MustOpen(path);
  ASSERT_NE(db, nullptr);
  auto insert = db->Prepare("INSERT INTO meta(key, value) VALUES(?1, ?2)");
  ASSERT_TRUE(insert.ok());

  ASSERT_TRUE(db->Begin().ok());
  EXPECT_TRUE(db->in_transaction());
  ASSERT_TRUE(insert.value()->Bind(1, "kept").Bind(2, int64_t{1}).Run().ok());
  ASSERT_TRUE(db->Commit().ok());
  EXPECT_FALSE(db->in_transaction());

  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(insert.value()->Bind(1, "dropped").Bind(2, int64_t{2}).Run().ok());
  db->Rollback();
  EXPECT_FALSE(db->in_transaction());

  std::string dump = DumpDatabase(path);
  EXPECT_NE(dump.find("tkept|i1|"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("dropped"), std::string::npos) << dump;
}

TEST(DatabaseTest, BeginTwiceAndCommitWithoutBeginAreRefused) {
  auto db = MustOpen(ScratchDir("begin_twice") + "/cluster.db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Commit().code(), Status::Code::kFailedPrecondition);
  ASSERT_TRUE(db->Begin().ok());
  EXPECT_EQ(db->Begin().code(), Status::Code::kFailedPrecondition);
  db->Rollback();
  db->Rollback();  // harmless when nothing is open
}

TEST(DatabaseTest, GuardRollsBackUnlessCommitted) {
  std::string path = ScratchDir("guard") + "/cluster.db";
  auto db = MustOpen(path);
  ASSERT_NE(db, nullptr);
  auto insert = db->Prepare("INSERT INTO meta(key, value) VALUES(?1, 1)");
  ASSERT_TRUE(insert.ok());
  {
    ASSERT_TRUE(db->Begin().ok());
    TransactionGuard guard(db.get());
    ASSERT_TRUE(insert.value()->Bind(1, "abandoned").Run().ok());
  }  // an early return
  EXPECT_FALSE(db->in_transaction());
  {
    ASSERT_TRUE(db->Begin().ok());
    TransactionGuard guard(db.get());
    ASSERT_TRUE(insert.value()->Bind(1, "committed").Run().ok());
    ASSERT_TRUE(guard.Commit().ok());
    EXPECT_FALSE(guard.Commit().ok()) << "a second commit is refused";
  }
  std::string dump = DumpDatabase(path);
  EXPECT_EQ(dump.find("abandoned"), std::string::npos);
  EXPECT_NE(dump.find("committed"), std::string::npos);
}

TEST(DatabaseTest, PreparedStatementsAreCachedAndReset) {
  auto db = MustOpen(ScratchDir("prepare_cache") + "/cluster.db");
  ASSERT_NE(db, nullptr);
  auto a = db->Prepare("SELECT key FROM meta");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value()->Step().value());  // left mid-way on purpose
  auto b = db->Prepare("SELECT key FROM meta");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a.value(), b.value());
  auto row = b.value()->Step();  // starts again from the first row
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(b.value()->Text(0), "schema_version");
  b.value()->Reset();

  auto bad = db->Prepare("SELEKT nonsense");
  EXPECT_EQ(bad.status().code(), Status::Code::kIOError);
  EXPECT_NE(bad.status().message().find("syntax error"), std::string::npos) << bad.status().message();
}

TEST(DatabaseTest, FailAfterWritesFailsEveryLaterWriteButNoRead) {
  auto db = MustOpen(ScratchDir("fail_after") + "/cluster.db");
  ASSERT_NE(db, nullptr);
  auto insert = db->Prepare("INSERT INTO meta(key, value) VALUES(?1, 0)");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE(db->Begin().ok());
  db->TEST_FailAfterWrites(2);
  EXPECT_TRUE(insert.value()->Bind(1, "one").Run().ok());
  EXPECT_TRUE(insert.value()->Bind(1, "two").Run().ok());
  Status third = insert.value()->Bind(1, "three").Run();
  EXPECT_EQ(third.code(), Status::Code::kIOError);
  EXPECT_NE(third.message().find("injected write failure"), std::string::npos) << third.message();
  EXPECT_FALSE(insert.value()->Bind(1, "four").Run().ok());
  EXPECT_EQ(CountRows(db.get(), "meta"), 3) << "reads still work; only two writes landed";
  db->TEST_FailAfterWrites(-1);
  EXPECT_TRUE(insert.value()->Bind(1, "five").Run().ok());
  db->Rollback();
}

TEST(DatabaseTest, NewerSchemaIsRefusedWithOneLine) {
  std::string path = ScratchDir("newer_schema") + "/cluster.db";
  ASSERT_NE(MustOpen(path), nullptr);
  ASSERT_TRUE(RawExec(path, "UPDATE meta SET value = 5 WHERE key = 'schema_version'"));
  std::string before = DumpDatabase(path);
  auto db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(db.status().message(),
            "cluster database " + path + " was written by a newer swarmsim (schema 5, this build reads 4)");
  EXPECT_EQ(DumpDatabase(path), before);
}

TEST(DatabaseTest, DamagedFileIsRefusedWithSqlitesWords) {
  std::string path = ScratchDir("damaged") + "/cluster.db";
  {
    std::ofstream f(path);
    for (int i = 0; i < 64; ++i) f << "this is a shopping list, not a database\n";
  }
  auto db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(db.status().message(), "cluster database " + path + " is damaged: file is not a database");
}

TEST(DatabaseTest, SomeoneElsesSqliteFileIsNotTakenOver) {
  std::string path = ScratchDir("foreign") + "/cluster.db";
  ASSERT_TRUE(RawExec(path, "CREATE TABLE recipes(name TEXT)"));
  auto db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(db.status().message(), "cluster database " + path + " is not a swarmsim cluster database");
}

TEST(DatabaseTest, UnusablePathsAreErrors) {
  EXPECT_EQ(Database::Open("").status().code(), Status::Code::kInvalidArgument);
  std::string dir = ScratchDir("unusable");
  { std::ofstream f(dir + "/plain-file"); }
  auto db = Database::Open(dir + "/plain-file/sub/cluster.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kIOError);
  EXPECT_NE(db.status().message().find("cannot create directory"), std::string::npos) << db.status().message();
}

}  // namespace
}  // namespace swarmsim
