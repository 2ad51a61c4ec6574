// Writing YAML exactly as gopkg.in/yaml.v3's encoder does with SetIndent(2):
// block style, `{}`/`[]` for empty collections, yaml.v3's choice of plain,
// single-quoted, double-quoted or literal scalars (it never folds long lines).
// Internal to core/compose (`docker stack config` output).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace swarmsim::compose {

// A document to write. Mapping entries are written in the order given (the
// caller sorts them with YamlKeyLess where Go would marshal a map).
struct YamlOut {
  enum class Kind { kMap, kSeq, kString, kNumber, kBool, kNull };

  Kind kind = Kind::kNull;
  std::string text;  // kString: the string; kNumber/kBool: the literal text
  std::vector<std::pair<std::string, YamlOut>> entries;
  std::vector<YamlOut> items;

  static YamlOut Map() { YamlOut o; o.kind = Kind::kMap; return o; }
  static YamlOut Seq() { YamlOut o; o.kind = Kind::kSeq; return o; }
  static YamlOut Str(std::string s) { YamlOut o; o.kind = Kind::kString; o.text = std::move(s); return o; }
  static YamlOut Num(std::string s) { YamlOut o; o.kind = Kind::kNumber; o.text = std::move(s); return o; }
  static YamlOut Bool(bool b) { YamlOut o; o.kind = Kind::kBool; o.text = b ? "true" : "false"; return o; }
  static YamlOut Null() { return YamlOut(); }

  void Add(std::string key, YamlOut value) { entries.emplace_back(std::move(key), std::move(value)); }
};

// The document as yaml.v3 writes it (ends with a newline).
std::string WriteYaml(const YamlOut& doc);

// yaml.v3's order for map keys: numbers inside keys compare numerically
// ("web2" < "web10"), letters before other characters.
bool YamlKeyLess(const std::string& a, const std::string& b);

}  // namespace swarmsim::compose
