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

std::string FitTaskName(const ImFont* font, float size, const std::string& name, uint64_t slot, float max_width) {
  if (Width(font, size, name) <= max_width) return name;
  std::string suffix = slot > 0 ? "." + std::to_string(slot) : "";
  std::string base = name;
  if (!suffix.empty() && base.size() > suffix.size() &&
      base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
    base.resize(base.size() - suffix.size());
  } else {
    suffix.clear();
  }
  // A stack's services are named STACK_SERVICE: within a column the stack is noise.
  if (auto underscore = base.find('_'); underscore != std::string::npos && underscore + 1 < base.size()) {
    base = base.substr(underscore + 1);
  }
  if (Width(font, size, base + suffix) <= max_width) return base + suffix;
  float suffix_w = Width(font, size, suffix);
  if (suffix_w > max_width) return FitText(font, size, suffix, max_width);
  return FitText(font, size, base, max_width - suffix_w) + suffix;
}

std::string FitText(const std::string& text, float max_width) {
  return FitText(ImGui::GetFont(), ImGui::GetFontSize(), text, max_width);
}

}  // namespace swarmsim::ui
