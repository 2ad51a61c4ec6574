// The window's fonts: NanumGothic for labels (Hangul included), NanumGothicBold
// for headings, NanumGothicCoding for docker's tables in the console and IDs.
// Glyph ranges are built from Latin-1 plus the window's own texts only
// (WindowGlyphText), which keeps the atlas small and start-up fast. Symbols the
// Nanum fonts lack (✓ ✗) come from DejaVu, merged into each font. When a file is
// missing, ImGui's default font stands in (Hangul then shows as '?').
#pragma once

#include <string>

struct ImFont;

namespace swarmsim::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* mono = nullptr;
  ImFont* card_title = nullptr;  // bold at 1.1x body: task names on cards, drawn at its own size
  ImFont* tile_digits = nullptr;  // bold digits at 0.6x body: task counts on the heat map's small tiles
  bool hangul = false;  // the Nanum files were found
};

// Where fonts-nanum installs its files.
constexpr const char* kDefaultFontDir = "/usr/share/fonts/truetype/nanum";
// Where fonts-dejavu-core installs its files (the symbols Nanum lacks).
constexpr const char* kDefaultSymbolFontDir = "/usr/share/fonts/truetype/dejavu";

// Clears the current ImGui context's atlas and loads the three fonts at
// `body_px` (headings a third larger, card titles a tenth) from `font_dir`. The caller rebuilds the
// renderer's font texture afterwards. REQUIRES: an ImGui context.
Fonts LoadFonts(float body_px, const std::string& font_dir,
                const std::string& symbol_font_dir = kDefaultSymbolFontDir);

// Every character the window may show of its own: its labels in both languages,
// every lesson's texts, the lesson panel's and checks' words, and its symbols.
// The fonts are loaded with exactly these glyphs (plus Latin-1).
std::string WindowGlyphText();

}  // namespace swarmsim::ui
