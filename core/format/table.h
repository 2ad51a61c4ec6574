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

// The same alignment for a table whose lines all have `columns` cells and whose
// cells hold no tab, newline, vertical tab or form feed (then the tabwriter sees
// one block: each column but the last is max(10, widest cell + 3) wide). Measure
// every line first, then append the lines one by one: a long table can be written
// as it goes instead of being built as one text first.
class StreamedTable {
 public:
  explicit StreamedTable(size_t columns) : widths_(columns, 0) {}

  // Whether TabWrite would split `cell` (such a table must go through TabWrite).
  static bool SplitsCell(const std::string& cell);

  // REQUIRES: cells.size() == columns, no cell SplitsCell.
  void Measure(const std::vector<std::string>& cells);
  // Appends the aligned line and its newline to *out. REQUIRES: as Measure, and
  // every line was measured before the first is appended.
  void AppendLine(const std::vector<std::string>& cells, std::string* out) const;

 private:
  std::vector<size_t> widths_;  // widest cell per column
};

}  // namespace swarmsim
