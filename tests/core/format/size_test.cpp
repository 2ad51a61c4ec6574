#include "core/format/size.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(Size, RAMInBytesIsBinary) {
  EXPECT_EQ(ParseRAMInBytes("100M").value(), 104857600);
  EXPECT_EQ(ParseRAMInBytes("100m").value(), 104857600);
  EXPECT_EQ(ParseRAMInBytes("100MiB").value(), 104857600);
  EXPECT_EQ(ParseRAMInBytes("100mb").value(), 104857600);
  EXPECT_EQ(ParseRAMInBytes("1.5g").value(), 1610612736);
  EXPECT_EQ(ParseRAMInBytes("512k").value(), 524288);
  EXPECT_EQ(ParseRAMInBytes("1024").value(), 1024);
  EXPECT_EQ(ParseRAMInBytes("8b").value(), 8);
}

TEST(Size, RAMInBytesErrors) {
  EXPECT_EQ(ParseRAMInBytes("100Q").status().message(), "invalid suffix: 'q'");
  EXPECT_EQ(ParseRAMInBytes("100MX").status().message(), "invalid suffix: 'mx'");
  EXPECT_EQ(ParseRAMInBytes("lots").status().message(), "invalid size: 'lots'");
}

TEST(Size, PrintsLikeGoUnits) {
  EXPECT_EQ(BytesSize(104857600), "100MiB");
  EXPECT_EQ(BytesSize(1610612736), "1.5GiB");
  EXPECT_EQ(BytesSize(0), "0B");
  EXPECT_EQ(HumanSize(38.8e6), "38.8MB");
  EXPECT_EQ(HumanSize(0), "0B");
}

}  // namespace
}  // namespace swarmsim
