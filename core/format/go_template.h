// The part of Go's text/template that `docker ... --format` users write, evaluated
// over JSON values: {{.Field}}, {{.A.B}}, {{json .}}, {{index .Labels "k"}},
// {{if}}/{{else}}/{{end}}, {{range}}, pipelines ({{.Name | lower}}), {{- trims -}},
// and docker's functions (json, join, lower, upper, title, split, truncate, pad,
// println) plus Go's (index, len, printf, eq, ne, lt, le, gt, ge, not, and, or).
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace swarmsim {

class GoTemplate {
 public:
  // Errors with Go's words: `template: :1: function "foo" not defined`,
  // `template: :1: unexpected EOF`, `template: :1: unexpected {{end}}`.
  static Result<GoTemplate> Parse(const std::string& text);

  // Errors: `template: :1:2: executing "" at <.Nope>: can't evaluate field Nope`.
  Result<std::string> Execute(const nlohmann::json& data) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
};

// A JSON value printed the way Go's fmt prints the equivalent Go value
// (strings raw, integral numbers without ".0", maps as map[k:v], lists as [a b]).
std::string GoPrint(const nlohmann::json& value);

}  // namespace swarmsim
