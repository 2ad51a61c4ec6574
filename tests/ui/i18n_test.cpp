#include "ui/i18n.h"

#include <gtest/gtest.h>

#include <imgui.h>

#include <string>

#include "ui/fonts.h"

namespace swarmsim::ui {
namespace {

TEST(I18n, SwitchesLanguageAtRuntime) {
  SetLanguage(Lang::kEnglish);
  EXPECT_STREQ(Tr(Str::kPending), "Pending");
  SetLanguage(Lang::kKorean);
  EXPECT_EQ(language(), Lang::kKorean);
  EXPECT_STREQ(Tr(Str::kPending), "대기 중");
  SetLanguage(Lang::kEnglish);
}

TEST(I18n, EveryLabelExistsInBothLanguages) {
  for (int i = 0; i < int(Str::kCount); ++i) {
    EXPECT_STRNE(Tr(Lang::kEnglish, Str(i)), "") << i;
    EXPECT_STRNE(Tr(Lang::kKorean, Str(i)), "") << i;
  }
  EXPECT_STREQ(Tr(Lang::kEnglish, Str::kCount), "?");
}

TEST(I18n, AllLabelTextHoldsBothLanguages) {
  std::string all = AllLabelText();
  EXPECT_NE(all.find("Inspector"), std::string::npos);
  EXPECT_NE(all.find("상세 보기"), std::string::npos);
}

// The Hangul font loads only the glyphs the labels need: a small atlas that
// still renders every Korean label.
TEST(Fonts, HangulSubsetFromLabels) {
  ImGuiContext* ctx = ImGui::CreateContext();
  Fonts f = LoadFonts(18, kDefaultFontDir);
  if (!f.hangul) GTEST_SKIP() << "fonts-nanum not installed";
  for (ImWchar c : {ImWchar(0xB300) /* 대 */, ImWchar(0xAE30) /* 기 */, ImWchar('A')}) {
    const ImFontGlyph* g = f.body->FindGlyphNoFallback(c);
    EXPECT_NE(g, nullptr) << int(c);
  }
  EXPECT_EQ(f.body->FindGlyphNoFallback(ImWchar(0xD7A3)), nullptr);  // 힣: not a label
  unsigned char* px;
  int w, h;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&px, &w, &h);
  EXPECT_LE(w * h, 2048 * 2048);
  ImGui::DestroyContext(ctx);
}

TEST(Fonts, MissingFilesFallBackToTheDefaultFont) {
  ImGuiContext* ctx = ImGui::CreateContext();
  Fonts f = LoadFonts(18, "/nonexistent");
  EXPECT_FALSE(f.hangul);
  ASSERT_NE(f.body, nullptr);
  EXPECT_NE(f.body->FindGlyphNoFallback(ImWchar('A')), nullptr);
  ImGui::DestroyContext(ctx);
}

TEST(I18n, KoreanGlossesForDockersOwnWords) {
  EXPECT_STREQ(KoreanGloss("running"), "실행 중");
  EXPECT_NE(KoreanGloss("Ready"), nullptr);     // node states as the board capitalises them
  EXPECT_NE(KoreanGloss("accepted"), nullptr);  // the table's first word ...
  EXPECT_NE(KoreanGloss("update"), nullptr);    // ... and its last (the search needs it sorted)
  for (const char* w : {"shutdown", "failed", "pending", "preparing", "drain", "pause", "active", "down"}) {
    EXPECT_NE(KoreanGloss(w), nullptr) << w;
  }
  EXPECT_EQ(KoreanGloss("nosuch"), nullptr);
  EXPECT_NE(AllLabelText().find("실행 중"), std::string::npos);  // the fonts load the glosses' glyphs
  SetLanguage(Lang::kKorean);
  EXPECT_EQ(EventTypeWord("task"), "태스크");
  SetLanguage(Lang::kEnglish);
  EXPECT_EQ(EventTypeWord("task"), "task");
}

}  // namespace
}  // namespace swarmsim::ui
