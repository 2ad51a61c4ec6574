// A compose document before it is typed: what gopkg.in/yaml.v3 gives Go's `any`
// (nil, bool, int, uint64, float64, string, time.Time, []any, map[string]any).
//
// docker's loader works on this untyped tree for interpolation and schema
// validation before it decodes into structs, and its error messages follow that
// tree's shape, so we keep the same stage.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace swarmsim::compose {

struct Value {
  enum class Kind { kNull, kBool, kInt, kUint, kFloat, kString, kTime, kList, kMap };

  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  uint64_t u = 0;  // only for integers above INT64_MAX
  double f = 0;
  std::string s;            // kString; for kTime the RFC 3339 text yaml.v3 writes back
  std::string time_string;  // kTime: Go's Time.String(), what fmt prints
  std::vector<Value> list;
  // Keys are unique. Order is the document's; Go maps have none, so nothing that
  // decides output may depend on it (callers sort where docker sorts).
  std::vector<std::pair<std::string, Value>> map;
  // False when some key of this mapping was not a string (Go then builds a
  // map[any]any, which JSON cannot encode).
  bool string_keys = true;

  static Value Null() { return Value(); }
  static Value Bool(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value Int(int64_t v) { Value x; x.kind = Kind::kInt; x.i = v; return x; }
  static Value Uint(uint64_t v) { Value x; x.kind = Kind::kUint; x.u = v; return x; }
  static Value Float(double v) { Value x; x.kind = Kind::kFloat; x.f = v; return x; }
  static Value String(std::string v) { Value x; x.kind = Kind::kString; x.s = std::move(v); return x; }
  static Value Time(std::string rfc3339, std::string go_string) {
    Value x;
    x.kind = Kind::kTime;
    x.s = std::move(rfc3339);
    x.time_string = std::move(go_string);
    return x;
  }
  static Value List() { Value x; x.kind = Kind::kList; return x; }
  static Value Map() { Value x; x.kind = Kind::kMap; return x; }

  bool is_null() const { return kind == Kind::kNull; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_number() const { return kind == Kind::kInt || kind == Kind::kUint || kind == Kind::kFloat; }

  // The entry for `key` in a mapping, or nullptr.
  const Value* Find(const std::string& key) const;
  Value* Find(const std::string& key);
  // Sets (or replaces) `key` in a mapping.
  void Set(const std::string& key, Value v);
};

// Go's fmt.Sprint of the value: what docker gets when it turns a YAML scalar into
// a string ("1", "1.5", "true", "1e+21"). Lists and maps print Go-style.
std::string GoSprint(const Value& v);

}  // namespace swarmsim::compose
