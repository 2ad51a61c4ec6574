#include "core/ca/pem.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(PemTest, SixtyFourCharacterLines) {
  EXPECT_EQ(PemEncode("X", "abc"), "-----BEGIN X-----\nYWJj\n-----END X-----\n");
  std::string der(48, '\0');  // 64 base64 characters: exactly one full line
  EXPECT_EQ(PemEncode("CERTIFICATE", der),
            "-----BEGIN CERTIFICATE-----\n" + std::string(64, 'A') + "\n-----END CERTIFICATE-----\n");
  std::string text = PemEncode("CERTIFICATE", std::string(49, '\0'));
  EXPECT_NE(text.find(std::string(64, 'A') + "\nAA==\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace swarmsim
