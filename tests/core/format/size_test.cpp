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
  EXPECT_EQ(ParseRAMInBytes("1.5 GiB").value(), 1610612736);
  EXPECT_EQ(ParseRAMInBytes("2T").value(), 2199023255552);
  EXPECT_EQ(ParseRAMInBytes("1p").value(), 1125899906842624);
  EXPECT_EQ(ParseRAMInBytes("0.5k").value(), 512);
  EXPECT_EQ(ParseRAMInBytes("1.9").value(), 1);  // truncated, as int64(float64) does
}

TEST(Size, BytesSizeOutputParsesBack) {
  for (double bytes : {0.0, 1023.0, 1024.0, 1536.0, 104857600.0, 1610612736.0}) {
    EXPECT_EQ(ParseRAMInBytes(BytesSize(bytes)).value(), static_cast<int64_t>(bytes)) << BytesSize(bytes);
  }
}

TEST(Size, RAMInBytesErrors) {
  EXPECT_EQ(ParseRAMInBytes("100Q").status().message(), "invalid suffix: 'q'");
  EXPECT_EQ(ParseRAMInBytes("100MX").status().message(), "invalid suffix: 'mx'");
  EXPECT_EQ(ParseRAMInBytes("lots").status().message(), "invalid size: 'lots'");
  EXPECT_EQ(ParseRAMInBytes("").status().message(), "invalid size: ''");
  EXPECT_EQ(ParseRAMInBytes("-5m").status().message(), "invalid size: '-5m'");
  EXPECT_EQ(ParseRAMInBytes("100mbb").status().message(), "invalid suffix: 'mbb'");
  EXPECT_EQ(ParseRAMInBytes("100kib2").status().message(),
            "strconv.ParseFloat: parsing \"100kib2\": invalid syntax");
  EXPECT_EQ(ParseRAMInBytes("0x10").status().message(), "strconv.ParseFloat: parsing \"0x10\": invalid syntax");
  EXPECT_EQ(ParseRAMInBytes("1..5m").status().message(), "strconv.ParseFloat: parsing \"1..5\": invalid syntax");
  EXPECT_EQ(ParseRAMInBytes("10 bytes").status().message(), "invalid suffix: 'bytes'");
  EXPECT_EQ(ParseRAMInBytes("10 BYTES").status().message(), "invalid suffix: 'BYTES'");
  EXPECT_EQ(ParseRAMInBytes("10 KIX").status().message(), "invalid suffix: 'kix'");
}

TEST(Size, PrintsLikeGoUnits) {
  EXPECT_EQ(BytesSize(104857600), "100MiB");
  EXPECT_EQ(BytesSize(1610612736), "1.5GiB");
  EXPECT_EQ(BytesSize(0), "0B");
  EXPECT_EQ(HumanSize(38.8e6), "38.8MB");
  EXPECT_EQ(HumanSize(0), "0B");
  EXPECT_EQ(BytesSize(1023), "1023B");
  EXPECT_EQ(BytesSize(1024), "1KiB");
  EXPECT_EQ(BytesSize(1536), "1.5KiB");
  EXPECT_EQ(BytesSize(123456789), "117.7MiB");
  EXPECT_EQ(HumanSize(999), "999B");
  EXPECT_EQ(HumanSize(1000), "1kB");
  EXPECT_EQ(HumanSize(123456789), "123.5MB");
  EXPECT_EQ(HumanSize(1e18), "1EB");
}

TEST(SizeTest, HumanSizesAreDecimal) {
  EXPECT_EQ(ParseHumanSize("40MB").value(), 40'000'000);
  EXPECT_EQ(ParseHumanSize("1.5 GB").value(), 1'500'000'000);
  EXPECT_EQ(ParseHumanSize("512k").value(), 512'000);
  EXPECT_EQ(ParseHumanSize("100MiB").value(), 100'000'000);
  EXPECT_EQ(ParseHumanSize("7").value(), 7);
  EXPECT_EQ(ParseHumanSize("12XB").status().message(), "invalid suffix: 'xb'");
}

}  // namespace
}  // namespace swarmsim
