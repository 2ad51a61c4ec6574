// Shared pieces of docker-style output: list printing with --format, natural
// sort, ID truncation, and capitalisation the way the docker CLI does them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command/command.h"
#include "core/command/flags.h"
#include "core/model/time.h"
#include "core/status.h"

namespace swarmsim {

struct Column {
  std::string field;   // formatter field name: "ID", "Name"
  std::string header;  // table header: "ID", "NAME"
};

// Prints `rows` (one JSON object per row, keys = field names; values shown as
// strings) as docker's default table of `columns`, or through the user's --format
// (`table ...`, a raw template, `{{json .}}`). With `quiet`, prints `quiet_field` only.
Status PrintList(const std::vector<nlohmann::json>& rows, const std::vector<Column>& columns,
                 const std::string& format, bool quiet, const std::string& quiet_field, CommandOutput* out);

// Docker's "natural" order: digit runs compare as numbers ("node2" < "node10").
bool NaturalLess(const std::string& a, const std::string& b);

// First 12 characters, as docker tables show swarm IDs.
std::string ShortId(const std::string& id);

// Docker's PrettyPrint: first letter upper-cased, the rest lower-cased.
std::string Capitalize(const std::string& s);

// Renders a JSON value the way `docker ... inspect` prints it: an indented array.
std::string InspectJson(const std::vector<nlohmann::json>& objects);

// Applies a Go template to each object (`inspect --format`).
Status PrintFormatted(const std::vector<nlohmann::json>& objects, const std::string& format, CommandOutput* out);

}  // namespace swarmsim
