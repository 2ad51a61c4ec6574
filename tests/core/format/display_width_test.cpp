#include "core/format/display_width.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(DisplayWidth, AsciiAndControls) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("todo_todo-web.1"), 15u);
  EXPECT_EQ(DisplayWidth("a\rb"), 2u);
  EXPECT_EQ(RuneWidth('\x07'), 0);
  EXPECT_EQ(RuneWidth(0x7F), 0);
}

TEST(DisplayWidth, EastAsianWideIsTwo) {
  EXPECT_EQ(DisplayWidth("노드"), 4u);               // Hangul syllables
  EXPECT_EQ(DisplayWidth("服务"), 4u);               // Han
  EXPECT_EQ(DisplayWidth("ｄｏｃｋｅｒ"), 12u);     // fullwidth Latin
  EXPECT_EQ(DisplayWidth("ｶﾀｶﾅ"), 4u);              // halfwidth Katakana stays narrow
  EXPECT_EQ(DisplayWidth("\xe2\x80\xa6"), 1u);       // ellipsis: ambiguous, narrow outside CJK locales
  EXPECT_EQ(DisplayWidth("\xf0\x9f\x90\xb3"), 2u);   // whale emoji
}

TEST(DisplayWidth, ClustersCountTheirFirstVisibleRune) {
  EXPECT_EQ(DisplayWidth("e\xcc\x81"), 1u);                     // e + combining acute
  EXPECT_EQ(DisplayWidth("\xe2\x9d\xa4\xef\xb8\x8f"), 1u);      // heart + VS16: heart is narrow
  EXPECT_EQ(DisplayWidth("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"), 2u);  // thumbs up + skin tone
  // family: man ZWJ woman ZWJ girl
  EXPECT_EQ(DisplayWidth("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"), 2u);
  // Two flags (four regional indicators) are two clusters.
  EXPECT_EQ(DisplayWidth("\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"), 2u);
  // Conjoining jamo: HIEUH + A + NIEUN make one syllable.
  EXPECT_EQ(DisplayWidth("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), 2u);
  EXPECT_EQ(DisplayWidth("a\xe2\x80\x8b" "b"), 2u);  // zero width space
}

TEST(DisplayWidth, InvalidBytesCountOne) {
  EXPECT_EQ(DisplayWidth("\xff\xfe"), 2u);
  EXPECT_EQ(DisplayWidth("a\xe4\xb8"), 3u);
}

}  // namespace
}  // namespace swarmsim
