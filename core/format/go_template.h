// Go's text/template as `docker ... --format` users write it, evaluated over JSON
// values instead of Go values.
//
// Supported: text, {{.Field}}, {{.A.B}}, {{.}}, {{$}}, variables ({{$x := .A}},
// {{$x = .B}}), literals (strings, raw strings, numbers, true/false, nil),
// parenthesised pipelines and their fields ({{(index .X 0).Name}}), pipelines
// ({{.Name | lower}}), {{if}}/{{else if}}/{{else with}}/{{else}}/{{end}}, {{with}},
// {{range}} over lists, maps (sorted keys) and integers, with one or two
// variables, {{break}}/{{continue}}, comments, and {{- / -}} trimming.
// Functions: Go's and, or, not, len, index, slice, print, printf, println, eq, ne,
// lt, le, gt, ge, html, js, urlquery, and docker's json, join, split, lower, upper,
// title, pad, truncate. Not supported: define, template, block, call; lower,
// upper and title change ASCII letters only.
//
// Values print as Go's fmt prints the Go value JSON decodes to: strings raw,
// integers without ".0", floats like %v, maps as map[k:v] with sorted keys, lists
// as [a b], null as <nil>, and a missing map key as <no value>. Go types are
// guessed from the JSON for error messages: a list of strings is a []string, an
// object of strings a map[string]string (so `index` of a missing label is "").
//
// Errors carry Go's words and positions (line, and byte column counted from 0):
//   `template: :1: function "foo" not defined`                 (parse)
//   `template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"`
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace swarmsim {

struct TemplateOptions {
  // What reading a key a map lacks does, as Go's missingkey option: print
  // "<no value>" (Go's default), or fail with `map has no entry for key "K"`
  // (missingkey=error, which `docker inspect --format` uses).
  bool missing_key_error = false;
  // When set, the data is a Go struct of this type, as docker's list formatters
  // pass "*formatter.serviceContext": a field the top-level object lacks fails with
  // `can't evaluate field Nope in type *formatter.serviceContext`.
  std::string struct_type;
  // docker's HeaderFunctions, used to print a table's header row: json, split,
  // join, title, lower, upper and truncate return their (string) first argument.
  bool header_functions = false;
  // How {{json}} encodes a value; unset: GoJson (keys sorted, as Go encodes a
  // map). Inspect passes one that keeps the Engine API's struct field order.
  std::function<std::string(const nlohmann::json&)> json_encoder;
  // The data stands for a typed Go struct whose fields of some types print through
  // their String method (time.Time, time.Duration, os.FileMode) or as bytes
  // ([]byte), not as the JSON string or number they decode from. Given a field's
  // name and JSON value: the text Go's fmt prints for it, or nullopt to print the
  // value as usual. Used where a value is printed ({{.F}}, print, println, and
  // printf's %v and %s); comparisons and {{json}} see the JSON value.
  std::function<std::optional<std::string>(const std::string& field, const nlohmann::json& value)> field_text;
};

class GoTemplate {
 public:
  // Errors (InvalidArgument), e.g. `template: :1: function "foo" not defined`,
  // `template: :1: unexpected EOF`, `template: :1: unexpected {{end}}`,
  // `template: :1: unclosed action`, `template: :1: undefined variable "$x"`.
  static Result<GoTemplate> Parse(const std::string& text);

  // Runs the template over `data`. Errors (InvalidArgument) read
  // `template: :L:C: executing "" at <node>: what went wrong`.
  Result<std::string> Execute(const nlohmann::json& data, const TemplateOptions& options = {}) const;

  // As Execute, but appends to *out as it goes, so on error *out keeps what was
  // written before the failing action, as Go's Execute leaves its writer.
  Status ExecuteTo(const nlohmann::json& data, const TemplateOptions& options, std::string* out) const;

  struct Tree;

 private:
  std::shared_ptr<const Tree> tree_;
};

// A JSON value printed the way Go's fmt.Print prints the Go value it decodes to
// (strings raw, integers without ".0", floats as %v, maps as map[k:v], lists as
// [a b], null as <nil>).
std::string GoPrint(const nlohmann::json& value);

// A JSON value as Go's encoding/json writes it with HTML escaping off, which is
// what docker's {{json}} prints: compact, keys sorted, floats as Go formats them.
std::string GoJson(const nlohmann::json& value);

}  // namespace swarmsim
