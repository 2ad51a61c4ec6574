#include "ui/panels/fit_text.h"

namespace swarmsim::ui {

namespace {

float Width(const ImFont* font, float size, const std::string& s) {
  return font->CalcTextSizeA(size, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
}

}  // namespace

std::string FitText(const ImFont* font, float size, const std::string& text, float max_width) {
  if (Width(font, size, text) <= max_width) return text;
  static const std::string kEllipsis = "…";
  size_t end = text.size();
  while (end > 0) {
    do {
      --end;  // back to the first byte of a character
    } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    std::string cut = text.substr(0, end) + kEllipsis;
    if (Width(font, size, cut) <= max_width) return cut;
  }
  return Width(font, size, kEllipsis) <= max_width ? kEllipsis : "";
}

std::string FitText(const std::string& text, float max_width) {
  return FitText(ImGui::GetFont(), ImGui::GetFontSize(), text, max_width);
}

}  // namespace swarmsim::ui
