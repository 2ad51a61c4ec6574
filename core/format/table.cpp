#include "core/format/table.h"

#include <algorithm>

namespace swarmsim {

namespace {

constexpr size_t kMinWidth = 10;
constexpr size_t kPadding = 3;

struct Cell {
  std::string text;
  size_t width;
};
using Line = std::vector<Cell>;

// Lays out buffered lines the way text/tabwriter's format/writeLines pair does:
// the width of column `widths.size()` is settled over each block of consecutive
// lines having a cell there (their last cell excluded), then the columns to its
// right within that block.
class Layout {
 public:
  Layout(const std::vector<Line>& lines, std::string* out) : lines_(lines), out_(out) {}

  void Format(size_t line0, size_t line1) {
    const size_t column = widths_.size();
    size_t at = line0;
    while (at < line1) {
      if (!HasColumn(at, column)) {
        ++at;
        continue;
      }
      Write(line0, at);
      line0 = at;
      size_t width = kMinWidth;
      for (; at < line1 && HasColumn(at, column); ++at) {
        width = std::max(width, lines_[at][column].width + kPadding);
      }
      widths_.push_back(width);
      Format(line0, at);
      widths_.pop_back();
      line0 = at;
    }
    Write(line0, line1);
  }

 private:
  // Whether `line` has a tab-terminated cell in `column`.
  bool HasColumn(size_t line, size_t column) const { return column + 1 < lines_[line].size(); }

  void Write(size_t line0, size_t line1) {
    for (size_t i = line0; i < line1; ++i) {
      const Line& line = lines_[i];
      for (size_t j = 0; j < line.size(); ++j) {
        *out_ += line[j].text;
        if (j < widths_.size()) out_->append(widths_[j] - line[j].width, ' ');
      }
      // The last buffered line is the one still open: it has no newline yet.
      if (i + 1 < lines_.size()) *out_ += '\n';
    }
  }

  const std::vector<Line>& lines_;
  std::string* out_;
  std::vector<size_t> widths_;
};

void Flush(std::vector<Line>* lines, std::string* out) {
  Layout(*lines, out).Format(0, lines->size());
  lines->assign(1, Line{});
}

}  // namespace

std::string TabWrite(const std::string& text) {
  std::string out;
  std::vector<Line> lines(1);
  std::string cell;
  for (char c : text) {
    if (c == '\t' || c == '\v') {
      lines.back().push_back({cell, DisplayWidth(cell)});
      cell.clear();
    } else if (c == '\n' || c == '\f') {
      lines.back().push_back({cell, DisplayWidth(cell)});
      cell.clear();
      size_t cells = lines.back().size();
      lines.emplace_back();
      // A line of one cell cannot affect the lines after it, so what came before
      // is laid out now; a form feed always flushes.
      if (c == '\f' || cells == 1) Flush(&lines, &out);
    } else {
      cell += c;
    }
  }
  if (!cell.empty()) lines.back().push_back({cell, DisplayWidth(cell)});
  Flush(&lines, &out);
  return out;
}

std::string RenderTable(const std::vector<std::vector<std::string>>& rows) {
  std::string text;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += '\t';
      text += row[i];
    }
    text += '\n';
  }
  return TabWrite(text);
}

bool StreamedTable::SplitsCell(const std::string& cell) {
  return cell.find_first_of("\t\n\v\f") != std::string::npos;
}

void StreamedTable::Measure(const std::vector<std::string>& cells) {
  for (size_t j = 0; j + 1 < cells.size(); ++j) widths_[j] = std::max(widths_[j], DisplayWidth(cells[j]));
}

void StreamedTable::AppendLine(const std::vector<std::string>& cells, std::string* out) const {
  for (size_t j = 0; j < cells.size(); ++j) {
    *out += cells[j];
    if (j + 1 < cells.size()) out->append(std::max(kMinWidth, widths_[j] + kPadding) - DisplayWidth(cells[j]), ' ');
  }
  *out += '\n';
}

}  // namespace swarmsim
