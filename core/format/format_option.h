// The `--format` option of docker's list commands (docker/cli formatter.Context):
// which template a command prints its rows with, and how a table is laid out.
//
//   ""  or "table"   the command's default table (or its quiet format with -q)
//   "table <tmpl>"   <tmpl> per row, cells split on tabs, aligned by the tabwriter,
//                    under a header row made by running <tmpl> over the headers
//   "json"           {{json .}} per row: each row's fields as one JSON object
//   "raw"            the command's raw format, when it has one
//   anything else    a Go template per row, one line each, no header
// In every template the two-character escapes \t and \n become a tab and a newline,
// and spaces around it are dropped.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace swarmsim {

// What one list command brings: e.g. for `service ls`
//   {.table = "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}",
//    .headers = {{"ID","ID"},{"Name","NAME"},{"Mode","MODE"},{"Replicas","REPLICAS"},
//                {"Image","IMAGE"},{"Ports","PORTS"}},
//    .context_type = "*formatter.serviceContext"}
struct ListFormat {
  std::string table;                // default table template, starting "table "
  std::string quiet = "{{.ID}}";    // what -q prints with the default format
  std::string raw;                  // the "raw" format; empty: "raw" is taken literally
  std::string raw_quiet;            // the "raw" format with -q
  nlohmann::json headers = nlohmann::json::object();  // field name -> column header
  // The Go type docker's rows have, named in errors about unknown fields
  // ("can't evaluate field Nope in type *formatter.serviceContext"). Empty: rows
  // behave as maps, and an unknown field prints <no value>.
  std::string context_type;
};

// The template a list prints with, as docker's NewListFormat functions pick it.
std::string ResolveListFormat(const std::string& format, bool quiet, const ListFormat& list);

// Renders `rows` (one JSON object per row, keys = docker's formatter field names)
// with an already resolved format, as formatter.Context.Write does. Returns the
// text to print, ending in a newline per row (and one after a table's header).
// Errors (InvalidArgument): "template parsing error: " followed by the Go
// template error, for a bad template or one that fails on a row. A header that
// fails to render keeps what it rendered before failing, as docker does.
Result<std::string> FormatRows(const std::string& format, const std::vector<nlohmann::json>& rows,
                               const ListFormat& list);

// The header line (no newline) of a resolved table format, before alignment:
// the template run over list.headers as FormatRows does. "" when it does not parse.
std::string TableHeader(const std::string& format, const ListFormat& list);

// ResolveListFormat then FormatRows.
Result<std::string> FormatList(const std::string& format, bool quiet, const std::vector<nlohmann::json>& rows,
                               const ListFormat& list);

}  // namespace swarmsim
