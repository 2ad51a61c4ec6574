#include "core/command/output.h"

#include <cctype>

#include "core/format/go_template.h"
#include "core/format/table.h"
#include "core/model/json_order.h"

namespace swarmsim {

namespace {

// docker's template parse errors reach the user behind this prefix.
Status TemplateError(const Status& st) { return Status::InvalidArgument("template parsing error: " + st.message()); }

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

}  // namespace

Status PrintList(const std::vector<nlohmann::json>& rows, const std::vector<Column>& columns,
                 const std::string& format, bool quiet, const std::string& quiet_field, CommandOutput* out) {
  if (quiet && (format.empty() || format == "table")) {
    for (const auto& r : rows) out->out += r.value(quiet_field, "") + "\n";
    return Status::OK();
  }
  std::string tmpl = format;
  if (tmpl == "json") tmpl = "{{json .}}";
  if (tmpl.empty() || tmpl == "table") {
    std::vector<std::vector<std::string>> table;
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.header);
    table.push_back(header);
    for (const auto& r : rows) {
      std::vector<std::string> cells;
      for (const auto& c : columns) cells.push_back(r.contains(c.field) ? GoPrint(r[c.field]) : "");
      table.push_back(cells);
    }
    out->out += RenderTable(table);
    return Status::OK();
  }
  bool is_table = tmpl.rfind("table ", 0) == 0;
  if (is_table) tmpl = tmpl.substr(6);
  // docker turns the two-character escapes \t and \n typed in a shell into the real thing.
  std::string unescaped;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '\\' && i + 1 < tmpl.size() && (tmpl[i + 1] == 't' || tmpl[i + 1] == 'n')) {
      unescaped += tmpl[i + 1] == 't' ? '\t' : '\n';
      ++i;
    } else {
      unescaped += tmpl[i];
    }
  }
  auto parsed = GoTemplate::Parse(unescaped);
  if (!parsed.ok()) return TemplateError(parsed.status());
  if (!is_table) {
    for (const auto& r : rows) {
      auto text = parsed->Execute(r);
      if (!text.ok()) return text.status();
      out->out += text.value() + "\n";
    }
    return Status::OK();
  }
  nlohmann::json header = nlohmann::json::object();
  for (const auto& r : rows) {
    for (auto it = r.begin(); it != r.end(); ++it) {
      std::string h = it.key();
      for (auto& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      header[it.key()] = h;
    }
  }
  for (const auto& c : columns) header[c.field] = c.header;
  std::vector<std::vector<std::string>> table;
  auto head = parsed->Execute(header);
  if (!head.ok()) return head.status();
  table.push_back(SplitTabs(head.value()));
  for (const auto& r : rows) {
    auto text = parsed->Execute(r);
    if (!text.ok()) return text.status();
    table.push_back(SplitTabs(text.value()));
  }
  out->out += RenderTable(table);
  return Status::OK();
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
  return a.size() - i < b.size() - j;
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

Status PrintFormatted(const std::vector<nlohmann::json>& objects, const std::string& format, CommandOutput* out) {
  std::string tmpl = format == "json" ? "{{json .}}" : format;
  auto parsed = GoTemplate::Parse(tmpl);
  if (!parsed.ok()) return TemplateError(parsed.status());
  for (const auto& o : objects) {
    auto text = parsed->Execute(o);
    if (!text.ok()) return text.status();
    out->out += text.value() + "\n";
  }
  return Status::OK();
}

}  // namespace swarmsim
