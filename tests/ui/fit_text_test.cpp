#include "ui/panels/fit_text.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

float Width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

TEST(FitText, ShortTextIsUntouched) {
  ImGuiHeadless imgui;
  imgui.Frame([] { EXPECT_EQ(FitText("web.1", Width("web.1")), "web.1"); });
}

TEST(FitText, LongTextEndsInAnEllipsisWithinTheWidth) {
  ImGuiHeadless imgui;
  imgui.Frame([] {
    std::string name = "todo_todo-web.1";
    float max = Width("todo_tod") + 1;
    std::string fit = FitText(name, max);
    EXPECT_LE(Width(fit), max);
    EXPECT_EQ(fit.rfind("todo_", 0), 0u);
    EXPECT_EQ(fit.substr(fit.size() - 3), "…");
    EXPECT_LT(fit.size(), name.size() + 3);
  });
}

TEST(FitText, CutsHangulOnlyAtCharacterBoundaries) {
  ImGuiHeadless imgui;
  imgui.Frame([] {
    std::string text = "대기 중인 태스크 없음";
    for (float max = 0; max < Width(text); max += 3) {
      std::string fit = FitText(text, max);
      if (fit.empty()) continue;
      ASSERT_GE(fit.size(), 3u);
      std::string kept = fit.substr(0, fit.size() - 3);  // without the ellipsis
      EXPECT_EQ(text.rfind(kept, 0), 0u);
      // Whole characters only: what is kept is 3-byte syllables and ASCII spaces.
      size_t i = 0;
      while (i < kept.size()) i += (static_cast<unsigned char>(kept[i]) < 0x80) ? 1 : 3;
      EXPECT_EQ(i, kept.size()) << fit;
    }
  });
}

TEST(FitText, NothingWhenNotEvenTheEllipsisFits) {
  ImGuiHeadless imgui;
  imgui.Frame([] { EXPECT_EQ(FitText("todo_todo-web.1", 0.5f), ""); });
}

TEST(FitTaskName, TwoSlotsNeverReadAlike) {
  ImGuiHeadless imgui;
  imgui.Frame([] {
    const ImFont* f = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    EXPECT_EQ(FitTaskName(f, fs, "todo_todo-web.1", 1, Width("todo_todo-web.1")), "todo_todo-web.1");
    EXPECT_EQ(FitTaskName(f, fs, "todo_todo-web.1", 1, Width("todo-web.1") + 1), "todo-web.1");
    for (float max = Width(".1"); max < Width("todo-web.1"); max += 2) {
      std::string one = FitTaskName(f, fs, "todo_todo-web.1", 1, max);
      std::string two = FitTaskName(f, fs, "todo_todo-web.2", 2, max);
      EXPECT_LE(Width(one), max);
      EXPECT_NE(one, two) << max;
      EXPECT_EQ(one.substr(one.size() - 2), ".1");
    }
    EXPECT_EQ(FitTaskName(f, fs, "todo_todo-db", 0, Width("todo-db")), "todo-db");  // global: no slot
  });
}

}  // namespace
}  // namespace swarmsim::ui
