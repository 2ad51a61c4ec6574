#include "core/format/format_option.h"

#include <cctype>

#include "core/format/go_template.h"
#include "core/format/table.h"

namespace swarmsim {

namespace {

constexpr char kTableKey[] = "table";

bool IsTable(const std::string& format) { return format.rfind(kTableKey, 0) == 0; }

// formatter.Context.preFormat: the template text proper.
std::string FinalTemplate(const std::string& format) {
  std::string t = format;
  if (IsTable(t)) t = t.substr(sizeof(kTableKey) - 1);
  else if (t == "json") t = "{{json .}}";
  size_t b = t.find_first_not_of(' ');
  size_t e = t.find_last_not_of(' ');
  t = b == std::string::npos ? "" : t.substr(b, e - b + 1);
  // A shell hands docker a backslash and a letter; docker makes them a tab or newline.
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && (t[i + 1] == 't' || t[i + 1] == 'n')) {
      out += t[i + 1] == 't' ? '\t' : '\n';
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

Status Wrap(const Status& st) { return Status::InvalidArgument("template parsing error: " + st.message()); }

// The common template, literal text around bare `{{.Field}}` actions (every
// command's default table): literals.size() == fields.size() + 1.
struct FieldTemplate {
  std::vector<std::string> literals;
  std::vector<std::string> fields;
};

bool IsFieldName(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// False for anything else (functions, pipes, spaces or trim markers in an action).
bool ParseFieldTemplate(const std::string& t, FieldTemplate* out) {
  size_t pos = 0;
  for (;;) {
    size_t open = t.find("{{", pos);
    if (open == std::string::npos) {
      out->literals.push_back(t.substr(pos));
      return true;
    }
    size_t close = t.find("}}", open + 2);
    if (close == std::string::npos || t[open + 2] != '.') return false;
    std::string field = t.substr(open + 3, close - open - 3);
    if (!IsFieldName(field)) return false;
    out->literals.push_back(t.substr(pos, open - pos));
    out->fields.push_back(std::move(field));
    pos = close + 2;
  }
}

// A row whose every field is a string prints as the literals and those strings
// (what the template prints for it); false for any other row, which the template
// then runs itself. 100,000-row tables spend most of their time in the template.
bool ExecuteFieldTemplate(const FieldTemplate& t, const nlohmann::json& row, std::string* out) {
  if (!row.is_object()) return false;
  size_t start = out->size();
  *out += t.literals[0];
  for (size_t i = 0; i < t.fields.size(); ++i) {
    auto it = row.find(t.fields[i]);
    if (it == row.end() || !it->is_string()) {
      out->resize(start);
      return false;
    }
    *out += it->get_ref<const std::string&>();
    *out += t.literals[i + 1];
  }
  return true;
}

}  // namespace

std::string ResolveListFormat(const std::string& format, bool quiet, const ListFormat& list) {
  if (format.empty() || format == kTableKey) return quiet ? list.quiet : list.table;
  if (format == "raw" && !list.raw.empty()) return quiet && !list.raw_quiet.empty() ? list.raw_quiet : list.raw;
  return format;
}

Result<std::string> FormatRows(const std::string& format, const std::vector<nlohmann::json>& rows,
                               const ListFormat& list) {
  auto tmpl = GoTemplate::Parse(FinalTemplate(format));
  if (!tmpl.ok()) return Wrap(tmpl.status());
  TemplateOptions row_options;
  row_options.struct_type = list.context_type;
  std::string final_template = FinalTemplate(format);
  FieldTemplate fields;
  bool simple = ParseFieldTemplate(final_template, &fields);
  std::string body;
  for (const auto& row : rows) {
    if (!simple || !ExecuteFieldTemplate(fields, row, &body)) {
      Status st = tmpl->ExecuteTo(row, row_options, &body);
      if (!st.ok()) return Wrap(st);
    }
    body += '\n';
  }
  if (!IsTable(format)) return body;
  return TabWrite(TableHeader(format, list) + "\n" + body);
}

std::string TableHeader(const std::string& format, const ListFormat& list) {
  auto tmpl = GoTemplate::Parse(FinalTemplate(format));
  if (!tmpl.ok()) return "";
  TemplateOptions header_options;
  header_options.header_functions = true;
  std::string header;
  (void)tmpl->ExecuteTo(list.headers, header_options, &header);  // docker ignores a header's error
  return header;
}

Result<std::string> FormatList(const std::string& format, bool quiet, const std::vector<nlohmann::json>& rows,
                               const ListFormat& list) {
  return FormatRows(ResolveListFormat(format, quiet, list), rows, list);
}

}  // namespace swarmsim
