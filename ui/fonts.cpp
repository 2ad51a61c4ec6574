#include "ui/fonts.h"

#include <imgui.h>

#include <sys/stat.h>

#include <algorithm>

#include "core/lesson/library.h"
#include "ui/i18n.h"
#include "ui/view/lesson_view.h"

namespace swarmsim::ui {

namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Must outlive the atlas build: ImGui keeps the pointer.
const ImWchar* LabelGlyphRanges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Latin + Latin-1
    builder.AddText(WindowGlyphText().c_str());
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

// The window's symbols (punctuation, arrows, shapes, dingbats): merged from
// DejaVu, which has them all; a glyph the Nanum font already has stays Nanum's.
const ImWchar* SymbolGlyphRanges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    const ImWchar* all = LabelGlyphRanges();
    for (size_t i = 0; all[i] != 0; i += 2) {
      ImWchar lo = std::max<ImWchar>(all[i], 0x2000), hi = std::min<ImWchar>(all[i + 1], 0x2BFF);
      if (lo > hi) continue;
      ranges.push_back(lo);
      ranges.push_back(hi);
    }
    ranges.push_back(0);
  }
  return ranges.Data;
}
const ImWchar* DigitGlyphRanges() {
  static const ImWchar kRanges[] = {'0', '9', 0};
  return kRanges;
}

ImFont* AddFont(const std::string& path, const std::string& symbol_path, float px, bool* found,
                const ImWchar* ranges = LabelGlyphRanges()) {
  ImGuiIO& io = ImGui::GetIO();
  ImFont* font = nullptr;
  if (!FileExists(path)) {
    *found = false;
    ImFontConfig cfg;
    cfg.SizePixels = px;
    font = io.Fonts->AddFontDefault(&cfg);
  } else {
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // CJK: the default 3 quadruples the atlas for no visible gain
    cfg.PixelSnapH = true;
    font = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
  }
  if (ranges == LabelGlyphRanges() && !symbol_path.empty() && FileExists(symbol_path) &&
      SymbolGlyphRanges()[0] != 0) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.OversampleH = 1;
    cfg.PixelSnapH = true;
    io.Fonts->AddFontFromFileTTF(symbol_path.c_str(), px, &cfg, SymbolGlyphRanges());
  }
  return font;
}

}  // namespace

Fonts LoadFonts(float body_px, const std::string& font_dir, const std::string& symbol_font_dir) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  bool found = true;
  const std::string sans = symbol_font_dir + "/DejaVuSans.ttf";
  const std::string sans_bold = symbol_font_dir + "/DejaVuSans-Bold.ttf";
  const std::string mono = symbol_font_dir + "/DejaVuSansMono.ttf";
  fonts.body = AddFont(font_dir + "/NanumGothic.ttf", sans, body_px, &found);
  fonts.heading = AddFont(font_dir + "/NanumGothicBold.ttf", sans_bold, body_px * 1.35f, &found);
  fonts.mono = AddFont(font_dir + "/NanumGothicCoding.ttf", mono, body_px * 0.95f, &found);
  // Text is drawn at its atlas size: the window samples the atlas nearest (fast on
  // software GL), so a scaled font would lose rows of pixels.
  fonts.card_title = AddFont(font_dir + "/NanumGothicBold.ttf", sans_bold, body_px * 1.1f, &found);
  fonts.tile_digits = AddFont(font_dir + "/NanumGothicBold.ttf", "", body_px * 0.6f, &found, DigitGlyphRanges());
  fonts.hangul = found;
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return fonts;
}

std::string WindowGlyphText() {
  // Symbols drawn by the panels themselves (marks, arrows, the secret mask).
  return AllLabelText() + LessonGlyphText(lesson::ScenarioFiles()) + "·…→←▶■✓✗×•—";
}

}  // namespace swarmsim::ui
