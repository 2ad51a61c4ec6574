#include "ui/fonts.h"

#include <imgui.h>

#include <sys/stat.h>

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
    builder.AddText(AllLabelText().c_str());
    builder.AddText(LessonGlyphText(lesson::DefaultScenariosDir({})).c_str());  // lessons' Korean
    builder.AddText("·…→←▶■✓✗×");
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

const ImWchar* DigitGlyphRanges() {
  static const ImWchar kRanges[] = {'0', '9', 0};
  return kRanges;
}

ImFont* AddFont(const std::string& path, float px, bool* found, const ImWchar* ranges = LabelGlyphRanges()) {
  ImGuiIO& io = ImGui::GetIO();
  if (!FileExists(path)) {
    *found = false;
    ImFontConfig cfg;
    cfg.SizePixels = px;
    return io.Fonts->AddFontDefault(&cfg);
  }
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // CJK: the default 3 quadruples the atlas for no visible gain
  cfg.PixelSnapH = true;
  return io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
}

}  // namespace

Fonts LoadFonts(float body_px, const std::string& font_dir) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  bool found = true;
  fonts.body = AddFont(font_dir + "/NanumGothic.ttf", body_px, &found);
  fonts.heading = AddFont(font_dir + "/NanumGothicBold.ttf", body_px * 1.35f, &found);
  fonts.mono = AddFont(font_dir + "/NanumGothicCoding.ttf", body_px * 0.95f, &found);
  // Text is drawn at its atlas size: the window samples the atlas nearest (fast on
  // software GL), so a scaled font would lose rows of pixels.
  fonts.card_title = AddFont(font_dir + "/NanumGothicBold.ttf", body_px * 1.1f, &found);
  fonts.tile_digits = AddFont(font_dir + "/NanumGothicBold.ttf", body_px * 0.6f, &found, DigitGlyphRanges());
  fonts.hangul = found;
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return fonts;
}

}  // namespace swarmsim::ui
