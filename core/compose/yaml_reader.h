// Reading a compose file's YAML exactly as gopkg.in/yaml.v3 does when docker
// unmarshals it into `any`: same values, same errors, same line numbers.
//
// Why not yaml-cpp: the docker CLI's messages are libyaml's (ported to Go), and
// yaml-cpp both words them differently and accepts inputs yaml.v3 rejects (an
// unterminated quoted scalar, tabs where indentation is expected). This reader
// follows libyaml's token and event rules, and yaml.v3's decoding of scalars,
// merge keys (`<<`), anchors and duplicate keys.
#pragma once

#include <string>

#include "core/compose/value.h"
#include "core/status.h"

namespace swarmsim::compose {

// Parses the first YAML document of `text`: UTF-8 (a leading BOM dropped), or
// UTF-16 LE or BE after its byte-order mark, as yaml.v3 reads them (UTF-32 is
// not among them: it fails with "yaml: control characters are not allowed").
// An empty document is a null Value.
// Errors (InvalidArgument), worded as docker prints them:
//   "yaml: line 4: mapping values are not allowed in this context"
//   "yaml: line 3: found character that cannot start any token"
//   "yaml: line 4: found unexpected end of stream"
//   "yaml: line 3: did not find expected ',' or ']'"
//   "yaml: unknown anchor 'x' referenced"
//   "yaml: unmarshal errors:\n  line 30: mapping key \"networks\" already defined at line 22"
// Unlike docker, documents nested deeper than 1000 levels are refused
// ("yaml: nesting deeper than 1000 levels is not supported").
Result<Value> ParseYaml(const std::string& text);

}  // namespace swarmsim::compose
