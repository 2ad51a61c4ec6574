#include "core/format/format_option.h"

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
  std::string body;
  for (const auto& row : rows) {
    Status st = tmpl->ExecuteTo(row, row_options, &body);
    if (!st.ok()) return Wrap(st);
    body += '\n';
  }
  if (!IsTable(format)) return body;
  TemplateOptions header_options;
  header_options.header_functions = true;
  std::string header;
  (void)tmpl->ExecuteTo(list.headers, header_options, &header);  // docker ignores a header's error
  return TabWrite(header + "\n" + body);
}

Result<std::string> FormatList(const std::string& format, bool quiet, const std::vector<nlohmann::json>& rows,
                               const ListFormat& list) {
  return FormatRows(ResolveListFormat(format, quiet, list), rows, list);
}

}  // namespace swarmsim
