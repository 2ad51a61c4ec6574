// Shared pieces of docker-style output: list printing with --format, natural
// sort, ID truncation, and capitalisation the way the docker CLI does them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command/command.h"
#include "core/command/flags.h"
#include "core/format/format_option.h"
#include "core/model/time.h"
#include "core/status.h"

namespace swarmsim {

// Prints `rows` (one JSON object per row, keys = docker's formatter field names)
// with the user's --format, or the command's default table (core/format/format_option.h).
Status PrintList(const std::vector<nlohmann::json>& rows, const ListFormat& list, const std::string& format,
                 bool quiet, CommandOutput* out);

// Prints the command's default table (list.table, which must be a table format)
// from its rows' cells: per row, what the template prints between the tabs. The
// tabwriter's widths need every row, so the cells are measured first; then the
// lines are made one at a time, into out->out, or with `may_stream` (the caller
// takes CommandOutput::stream) written as they are made after the session ends.
// Returns false, printing nothing, when a cell holds a tab or newline or a row has
// not the header's number of cells (*rows then untouched): the caller then prints
// through PrintList. On true *rows has been moved from.
bool PrintTableCells(const ListFormat& list, std::vector<std::vector<std::string>>* rows, bool may_stream,
                     CommandOutput* out);

// Docker's "natural" order: digit runs compare as numbers ("node2" < "node10").
bool NaturalLess(const std::string& a, const std::string& b);

// A number as Go's %g prints it: 0.5, 2, 1e+06.
std::string FormatG(double v);

// First 12 characters, as docker tables show swarm IDs.
std::string ShortId(const std::string& id);

// Docker's PrettyPrint: first letter upper-cased, the rest lower-cased.
std::string Capitalize(const std::string& s);

// Renders a JSON value the way `docker ... inspect` prints it: an indented array.
std::string InspectJson(const std::vector<nlohmann::json>& objects);

// How a template sees inspected objects: as the JSON decodes (containers,
// volumes: docker's own types hold strings there too), or as the typed swarm or
// network structs, whose times, durations, file modes and bytes print the Go way
// (core/command/go_fields.h); {{json}} keeps the type's field order.
enum class InspectedAs { kJson, kSwarmTypes, kNetwork };

// Applies a Go template to each object (`inspect --format`).
Status PrintFormatted(const std::vector<nlohmann::json>& objects, const std::string& format, InspectedAs as,
                      CommandOutput* out);

// What docker's inspect.Inspect prints (cli/command/inspect/inspector.go): the
// objects found, as an indented JSON array ("[]" when none were), compact with
// --format json, or one template line each (an empty line when none were); then,
// on stderr, one line per reference in `errors` and per object the template
// failed on, and exit code 1. `go_type` is the type docker's template sees
// ("swarm.Service"), named in template errors. A template that does not parse
// prints only "template parsing error: ..." and exits `parse_error_exit` (docker:
// 64 from inspect.Inspect, 1 where the command wraps its error).
void WriteInspected(const std::vector<nlohmann::json>& found, std::vector<std::string> errors,
                    const std::string& format, const std::string& go_type, InspectedAs as, CommandOutput* out,
                    int parse_error_exit = 1);

}  // namespace swarmsim
