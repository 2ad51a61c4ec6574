// docker's table writer (text/tabwriter with minwidth 10, padding 3, spaces):
// every column but the last is padded to max(10, widest cell + 3); the last cell
// of a row is written as is. Empty cells are padded too, so rows can end in spaces.
// Widths are display columns: East Asian wide characters (Hangul) count two.
#pragma once

#include <string>
#include <vector>

namespace swarmsim {

std::string RenderTable(const std::vector<std::vector<std::string>>& rows);

// Display width of UTF-8 text in terminal columns.
size_t DisplayWidth(const std::string& text);

}  // namespace swarmsim
