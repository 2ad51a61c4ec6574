#include "core/store/row_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/core/store/store_fixture.h"

namespace swarmsim {
namespace {

class RowWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(testing::ScratchDir("row_writer_" + std::string(
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name())) +
                             "/cluster.db");
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(db.value());
    ASSERT_TRUE(db_->Exec("CREATE TABLE t(n INTEGER, s TEXT)").ok());
    ASSERT_TRUE(db_->Begin().ok());
  }
  void TearDown() override { db_->Rollback(); }

  Status WriteRows(int count) {
    std::vector<std::string> texts;
    for (int i = 0; i < count; ++i) texts.push_back("row" + std::to_string(i));
    RowWriter w(db_.get(), "INSERT INTO t(n, s) VALUES", 2, texts.size());
    for (int i = 0; i < count; ++i) {
      SWARMSIM_RETURN_IF_ERROR(w.Add([&](Statement* s, int p) { s->Bind(p + 1, i).BindRef(p + 2, texts[i]); }));
    }
    return w.Finish();
  }

  std::vector<std::string> Rows() {
    std::vector<std::string> out;
    auto stmt = db_->Prepare("SELECT n, s FROM t ORDER BY n");
    EXPECT_TRUE(stmt.ok());
    while (stmt.value()->Step().value()) {
      out.push_back(std::to_string(stmt.value()->Int(0)) + "=" + stmt.value()->Text(1));
    }
    stmt.value()->Reset();
    return out;
  }

  std::unique_ptr<Database> db_;
};

TEST_F(RowWriterTest, WritesFullBatchesAndTheRemainder) {
  const int n = 2 * RowWriter::kBatchRows + 5;
  ASSERT_TRUE(WriteRows(n).ok());
  auto rows = Rows();
  ASSERT_EQ(rows.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) EXPECT_EQ(rows[i], std::to_string(i) + "=row" + std::to_string(i));
}

TEST_F(RowWriterTest, NoRowsWritesNothing) {
  ASSERT_TRUE(WriteRows(0).ok());
  EXPECT_TRUE(Rows().empty());
}

TEST_F(RowWriterTest, OneStatementStepPerBatch) {
  // Two full batches and a short one are three writes: the third fails.
  db_->TEST_FailAfterWrites(2);
  Status st = WriteRows(2 * RowWriter::kBatchRows + 1);
  db_->TEST_FailAfterWrites(-1);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(Rows().size(), static_cast<size_t>(2 * RowWriter::kBatchRows));
}

TEST_F(RowWriterTest, CountMismatchIsAnError) {
  RowWriter w(db_.get(), "INSERT INTO t(n, s) VALUES", 2, 3);
  ASSERT_TRUE(w.Add([](Statement* s, int p) { s->Bind(p + 1, 1).Bind(p + 2, "a"); }).ok());
  EXPECT_FALSE(w.Finish().ok());
}

}  // namespace
}  // namespace swarmsim
