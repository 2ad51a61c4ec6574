// docker's table writer: Go's text/tabwriter as docker/cli configures it
// (minwidth 10, padding 3, padded with spaces, widths from go-runewidth).
//
// Cells end with a tab; a newline ends the line. Text after a line's last tab is
// not part of any column and is written as is. A column's width is
// max(10, widest cell + 3) over a block of consecutive lines that all have a
// cell in that column, and every cell in the block, empty ones too, is padded
// to it, so a row whose trailing cells are empty ends in spaces. A line without
// any tab ends the table: the lines after it are aligned on their own.
#pragma once

#include <string>
#include <vector>

#include "core/format/display_width.h"

namespace swarmsim {

// Aligns tab-separated `text` as docker's tabwriter does (see above).
std::string TabWrite(const std::string& text);

// One table: the cells of each row joined by tabs, each row ended by a newline,
// through TabWrite. A cell holding a tab or newline splits as it would in docker.
std::string RenderTable(const std::vector<std::vector<std::string>>& rows);

}  // namespace swarmsim
