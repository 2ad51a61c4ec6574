#include "core/ca/md_padding.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(MdPaddingTest, OneBitZerosAndTheBitLength) {
  std::string p = PadMerkleDamgard("abc");
  ASSERT_EQ(p.size(), 64u);
  EXPECT_EQ(p.substr(0, 4), std::string("abc\x80", 4));
  EXPECT_EQ(p.substr(4, 59), std::string(59, '\0'));
  EXPECT_EQ(static_cast<unsigned char>(p[63]), 24u);  // 3 bytes = 24 bits
  EXPECT_EQ(PadMerkleDamgard(std::string(55, 'a')).size(), 64u);
  EXPECT_EQ(PadMerkleDamgard(std::string(56, 'a')).size(), 128u);
}

TEST(MdPaddingTest, BigEndianWords) {
  const unsigned char bytes[] = {0x01, 0x02, 0x03, 0x04};
  EXPECT_EQ(LoadBigEndian32(bytes), 0x01020304u);
  const uint32_t words[] = {0xdeadbeef, 1};
  EXPECT_EQ(StoreBigEndian32(words, 2), std::string("\xde\xad\xbe\xef\x00\x00\x00\x01", 8));
}

}  // namespace
}  // namespace swarmsim
