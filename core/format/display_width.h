// How many terminal columns text takes, as docker's table writer measures it
// (go-runewidth StringWidth, non-CJK locale): each grapheme cluster counts as the
// width of its first rune that has one; East Asian wide and fullwidth characters
// (Hangul, Han, Kana, most emoji) are 2, combining marks and controls 0, others 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace swarmsim {

// Columns one code point takes on its own: 0, 1 or 2.
int RuneWidth(uint32_t code_point);

// Columns UTF-8 `text` takes. Invalid bytes count one column each.
size_t DisplayWidth(const std::string& text);

}  // namespace swarmsim
