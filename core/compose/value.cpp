#include "core/compose/value.h"

#include <algorithm>

#include "core/compose/go_text.h"

namespace swarmsim::compose {

const Value* Value::Find(const std::string& key) const {
  for (const auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

Value* Value::Find(const std::string& key) {
  for (auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

void Value::Set(const std::string& key, Value v) {
  if (Value* existing = Find(key)) {
    *existing = std::move(v);
    return;
  }
  map.emplace_back(key, std::move(v));
}

std::string GoSprint(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "<nil>";
    case Value::Kind::kBool: return v.b ? "true" : "false";
    case Value::Kind::kInt: return std::to_string(v.i);
    case Value::Kind::kUint: return std::to_string(v.u);
    case Value::Kind::kFloat: return GoFormatFloat(v.f);
    case Value::Kind::kString: return v.s;
    case Value::Kind::kTime: return v.time_string;
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.list.size(); ++i) {
        if (i) out += " ";
        out += GoSprint(v.list[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      // fmt prints maps with sorted keys.
      std::vector<const std::pair<std::string, Value>*> entries;
      for (const auto& e : v.map) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
      std::string out = "map[";
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i) out += " ";
        out += entries[i]->first + ":" + GoSprint(entries[i]->second);
      }
      return out + "]";
    }
  }
  return "";
}

}  // namespace swarmsim::compose
