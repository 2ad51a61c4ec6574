#include "core/command/output.h"

#include <cctype>
#include <cstdio>
#include <functional>
#include <memory>
#include <string_view>

#include "core/command/go_fields.h"
#include "core/format/go_template.h"
#include "core/format/table.h"
#include "core/model/json_order.h"

namespace swarmsim {

namespace {

// {{json}} over an Engine API object prints Go struct field order, as docker's does.
std::string InspectJsonEncoder(const nlohmann::json& value) { return InDockerOrder(value).dump(); }

}  // namespace

Status PrintList(const std::vector<nlohmann::json>& rows, const ListFormat& list, const std::string& format,
                 bool quiet, CommandOutput* out) {
  auto text = FormatList(format, quiet, rows, list);
  if (!text.ok()) return text.status();
  out->out += text.value();
  return Status::OK();
}

bool PrintTableCells(const ListFormat& list, std::vector<std::vector<std::string>>* rows, bool may_stream,
                     CommandOutput* out) {
  std::vector<std::string> header;
  std::string header_text = TableHeader(list.table, list);
  for (size_t at = 0;;) {
    size_t tab = header_text.find('\t', at);
    header.push_back(header_text.substr(at, tab == std::string::npos ? tab : tab - at));
    if (tab == std::string::npos) break;
    at = tab + 1;
  }
  auto table = std::make_shared<StreamedTable>(header.size());
  table->Measure(header);
  for (const auto& row : *rows) {
    if (row.size() != header.size()) return false;
    for (const auto& cell : row) {
      if (StreamedTable::SplitsCell(cell)) return false;
    }
    table->Measure(row);
  }
  // Owns what it writes: it may run after the session has let go of the cluster.
  auto lines = std::make_shared<std::vector<std::vector<std::string>>>();
  lines->reserve(rows->size() + 1);
  lines->push_back(std::move(header));
  for (auto& row : *rows) lines->push_back(std::move(row));
  rows->clear();
  auto write_all = [lines, table](const std::function<bool(std::string_view)>& write) {
    constexpr size_t kLinesPerWrite = 256;
    std::string chunk;
    for (size_t i = 0; i < lines->size(); ++i) {
      table->AppendLine((*lines)[i], &chunk);
      if ((i + 1) % kLinesPerWrite == 0) {
        if (!write(chunk)) return;
        chunk.clear();
      }
    }
    if (!chunk.empty()) write(chunk);
  };
  if (may_stream) {
    out->stream = std::move(write_all);
  } else {
    write_all([out](std::string_view text) {
      out->out += text;
      return true;
    });
  }
  return true;
}

bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = std::isdigit(static_cast<unsigned char>(a[i])), db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      // Compare numerically: strip leading zeros, then by length, then digits.
      size_t is = i, js = j;
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      int c = a.compare(is, ie - is, b, js, je - js);
      if (c != 0) return c < 0;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // equal by value ("node01", "node1"): plain order decides
}

std::string FormatG(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string ShortId(const std::string& id) { return id.substr(0, 12); }

std::string Capitalize(const std::string& s) {
  std::string out = s;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string InspectJson(const std::vector<nlohmann::json>& objects) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& o : objects) arr.push_back(o);
  return InDockerOrder(arr).dump(4) + "\n";
}

void SetInspectedAs(InspectedAs as, TemplateOptions* options) {
  options->json_encoder = InspectJsonEncoder;
  if (as == InspectedAs::kJson) return;
  options->field_text = SwarmFieldText;
  if (as == InspectedAs::kNetwork) {
    options->json_encoder = [](const nlohmann::json& v) { return InNetworkOrder(v).dump(); };
  }
}

Status PrintFormatted(const std::vector<nlohmann::json>& objects, const std::string& format, InspectedAs as,
                      CommandOutput* out) {
  std::string tmpl = format == "json" ? "{{json .}}" : format;
  auto parsed = GoTemplate::Parse(tmpl);
  if (!parsed.ok()) return Status::InvalidArgument("template parsing error: " + parsed.status().message());
  for (const auto& o : objects) {
    // `docker inspect --format` runs with missingkey=error.
    TemplateOptions options;
    options.missing_key_error = true;
    SetInspectedAs(as, &options);
    auto text = parsed->Execute(o, options);
    if (!text.ok()) return text.status();
    out->out += text.value() + "\n";
  }
  return Status::OK();
}

void WriteInspected(const std::vector<nlohmann::json>& found, std::vector<std::string> errors,
                    const std::string& format, const std::string& go_type, InspectedAs as, CommandOutput* out,
                    int parse_error_exit) {
  if (format.empty() || format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& o : found) arr.push_back(o);
    out->out += InDockerOrder(arr).dump(format.empty() ? 4 : -1) + "\n";
  } else {
    auto parsed = GoTemplate::Parse(format);
    if (!parsed.ok()) {
      out->err += "template parsing error: " + parsed.status().message() + "\n";
      out->exit_code = parse_error_exit;
      return;
    }
    TemplateOptions options;
    options.struct_type = go_type;
    options.missing_key_error = true;
    SetInspectedAs(as, &options);
    std::string lines;
    for (const auto& o : found) {
      auto text = parsed->Execute(o, options);
      if (text.ok()) lines += text.value() + "\n";
      else errors.push_back("template parsing error: " + text.status().message());
    }
    out->out += lines.empty() ? "\n" : lines;
  }
  for (const auto& e : errors) out->err += e + "\n";
  if (!errors.empty()) out->exit_code = 1;
}

}  // namespace swarmsim
