// Every character the window can show has a glyph in the fonts it loads: a
// string literal anywhere in ui/ (or in the lesson checks' words, or a lesson's
// texts) with a character the fonts lack would render as "?".
#include "ui/fonts.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace swarmsim::ui {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The non-ASCII characters of `text`, each with where it was seen.
void Collect(const std::string& text, const std::string& where, std::map<unsigned, std::string>* chars) {
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    unsigned c = 0;
    int n = ImTextCharFromUtf8(&c, s, end);
    if (n <= 0) break;
    s += n;
    if (c >= 0x80 && c != 0xFFFD) chars->emplace(c, where);
  }
}

// Every string literal in the window's sources and in core/lesson/runner.cpp
// (the check descriptions the lesson panel shows).
std::map<unsigned, std::string> UiStringCharacters() {
  std::map<unsigned, std::string> chars;
  const fs::path src(SWARMSIM_SOURCE_DIR);
  std::vector<fs::path> files = {src / "core/lesson/runner.cpp"};
  for (const auto& e : fs::recursive_directory_iterator(src / "ui")) {
    if (e.path().extension() == ".cpp" || e.path().extension() == ".h") files.push_back(e.path());
  }
  const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)")re");
  for (const auto& f : files) {
    std::string text = ReadAll(f);
    std::istringstream lines(text);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
      ++n;
      for (std::sregex_iterator it(line.begin(), line.end(), literal), stop; it != stop; ++it) {
        Collect((*it)[1].str(), f.lexically_relative(src).string() + ":" + std::to_string(n), &chars);
      }
    }
  }
  return chars;
}

TEST(Fonts, EveryCharacterTheWindowShowsHasAGlyph) {
  ImGuiContext* ctx = ImGui::CreateContext();
  Fonts f = LoadFonts(19, kDefaultFontDir);
  if (!f.hangul) GTEST_SKIP() << "fonts-nanum not installed";
  std::map<unsigned, std::string> chars = UiStringCharacters();
  Collect(WindowGlyphText(), "WindowGlyphText (labels, lessons)", &chars);
  ASSERT_GT(chars.size(), 100u);  // Hangul from the labels and lessons, and the symbols
  for (unsigned mark : {0x2713u, 0x2717u, 0x2022u}) EXPECT_TRUE(chars.count(mark)) << mark;  // ✓ ✗ •
  for (const auto& [c, where] : chars) {
    for (ImFont* font : {f.body, f.heading, f.mono, f.card_title}) {
      if (font->FindGlyphNoFallback(ImWchar(c)) != nullptr) continue;
      const ImWchar one[2] = {ImWchar(c), 0};
      char utf8[8] = {};
      ImTextStrToUtf8(utf8, sizeof utf8, one, nullptr);
      ADD_FAILURE() << "U+" << std::hex << c << " '" << utf8 << "' (" << where << ") has no glyph";
      break;
    }
  }
  ImGui::DestroyContext(ctx);
}

}  // namespace
}  // namespace swarmsim::ui
