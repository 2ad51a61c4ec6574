#include "core/command/go_fields.h"

#include <gtest/gtest.h>

// Expected texts are what the docker 28.2.2 client printed for the same JSON
// through `swarmsim serve` (its typed structs, Go's fmt).

namespace swarmsim {
namespace {

using nlohmann::json;

TEST(SwarmFieldText, TimesPrintAsGoTimeString) {
  EXPECT_EQ(SwarmFieldText("CreatedAt", "2026-01-05T09:00:12.6Z"), "2026-01-05 09:00:12.6 +0000 UTC");
  EXPECT_EQ(SwarmFieldText("StartedAt", "2026-01-05T09:00:10Z"), "2026-01-05 09:00:10 +0000 UTC");
  EXPECT_EQ(SwarmFieldText("Created", "2026-01-05T09:01:10Z"), "2026-01-05 09:01:10 +0000 UTC");
  EXPECT_EQ(SwarmFieldText("CompletedAt", "0001-01-01T00:00:00Z"), "0001-01-01 00:00:00 +0000 UTC");
  EXPECT_EQ(SwarmFieldText("CreatedAt", "not a time"), std::nullopt);
}

TEST(SwarmFieldText, DurationsPrintAsGoDurationString) {
  EXPECT_EQ(SwarmFieldText("Delay", json(10'000'000'000LL)), "10s");
  EXPECT_EQ(SwarmFieldText("Monitor", json(0)), "0s");
  EXPECT_EQ(SwarmFieldText("NodeCertExpiry", json(7'776'000'000'000'000LL)), "2160h0m0s");
  EXPECT_EQ(SwarmFieldText("Interval", json(1'500'000'000LL)), "1.5s");
}

TEST(SwarmFieldText, FileModesBytesAndEverythingElse) {
  EXPECT_EQ(SwarmFieldText("Mode", json(0444)), "-r--r--r--");
  EXPECT_EQ(SwarmFieldText("Mode", json(0400)), "-r--------");
  EXPECT_EQ(SwarmFieldText("Mode", json{{"Replicated", {{"Replicas", 2}}}}), std::nullopt);  // a service's mode
  EXPECT_EQ(SwarmFieldText("Data", "aGVsbG8K"), "[104 101 108 108 111 10]");
  EXPECT_EQ(SwarmFieldText("Data", ""), "[]");
  EXPECT_EQ(SwarmFieldText("Name", "web"), std::nullopt);
  EXPECT_EQ(SwarmFieldText("Replicas", json(3)), std::nullopt);
  EXPECT_EQ(SwarmFieldText("CreatedAt", json(3)), std::nullopt);
}

TEST(GoFileMode, TypeLettersThenPermissions) {
  EXPECT_EQ(GoFileMode(0755), "-rwxr-xr-x");
  EXPECT_EQ(GoFileMode((1u << 31) | 0755), "drwxr-xr-x");
  EXPECT_EQ(GoFileMode(0), "----------");
}

}  // namespace
}  // namespace swarmsim
