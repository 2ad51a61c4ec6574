#include "core/store/json_text.h"

#include <cstdio>

#include "core/format/time_format.h"

namespace swarmsim {

namespace {

bool InRange(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629 table), 0 if none.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto at = [&](size_t k) -> unsigned char { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  unsigned char c = at(0);
  if (c < 0x80) return 1;
  if (InRange(c, 0xC2, 0xDF)) return InRange(at(1), 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return InRange(at(1), 0xA0, 0xBF) && InRange(at(2), 0x80, 0xBF) ? 3 : 0;
  if (InRange(c, 0xE1, 0xEC) || c == 0xEE || c == 0xEF) {
    return InRange(at(1), 0x80, 0xBF) && InRange(at(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (c == 0xED) return InRange(at(1), 0x80, 0x9F) && InRange(at(2), 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return InRange(at(1), 0x90, 0xBF) && InRange(at(2), 0x80, 0xBF) && InRange(at(3), 0x80, 0xBF) ? 4 : 0;
  if (InRange(c, 0xF1, 0xF3)) {
    return InRange(at(1), 0x80, 0xBF) && InRange(at(2), 0x80, 0xBF) && InRange(at(3), 0x80, 0xBF) ? 4 : 0;
  }
  if (c == 0xF4) return InRange(at(1), 0x80, 0x8F) && InRange(at(2), 0x80, 0xBF) && InRange(at(3), 0x80, 0xBF) ? 4 : 0;
  return 0;
}

void AppendInt(std::string* out, int64_t v) { *out += std::to_string(v); }
void AppendUint(std::string* out, uint64_t v) { *out += std::to_string(v); }

// `,"key":"value"` when value is not empty (the model's omitempty strings). `key`
// comes with its quotes and colon, and the leading comma when one is due.
void AppendStringField(std::string* out, const char* key, const std::string& v) {
  if (v.empty()) return;
  *out += key;
  AppendJsonString(out, v);
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  // IDs, names and states are ASCII: check that first, a byte at a time.
  size_t ascii = 0;
  while (ascii < s.size() && static_cast<unsigned char>(s[ascii]) < 0x80) ++ascii;
  if (ascii == s.size()) return true;
  for (size_t i = ascii; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    // Runs of plain ASCII (nearly every ID, name and state) are copied whole.
    size_t plain = i;
    while (plain < s.size() && s[plain] >= 0x20 && s[plain] < 0x7F && s[plain] != '"' && s[plain] != '\\') ++plain;
    if (plain > i) {
      out->append(s.data() + i, plain - i);
      i = plain;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        *out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out->append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

namespace {

template <typename StringMap>
std::string ObjectText(const StringMap& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(&out, k);
    out.push_back(':');
    AppendJsonString(&out, v);
  }
  out.push_back('}');
  return out;
}

}  // namespace

std::string StringMapJsonText(const std::map<std::string, std::string>& m) { return ObjectText(m); }
std::string StringMapJsonText(const EventAttributes& m) { return ObjectText(m); }

// Keys in the order nlohmann would sort them, so the text equals ToJson(d).dump()
// for valid UTF-8 (not required, but it makes the two easy to compare).
std::string DecisionJsonText(const Decision& d) {
  std::string out;
  out.reserve(256 + d.nodes.size() * 512 + d.placements.size() * 80);
  if (!d.error.empty()) {
    out += "{\"Error\":";
    AppendJsonString(&out, d.error);
    out += ",\"ID\":";
  } else {
    out += "{\"ID\":";
  }
  AppendJsonString(&out, d.id);
  out += ",\"Nodes\":[";
  for (size_t i = 0; i < d.nodes.size(); ++i) {
    const NodeVerdict& n = d.nodes[i];
    if (i) out.push_back(',');
    out += "{\"Filters\":[";
    for (size_t f = 0; f < n.filters.size(); ++f) {
      const FilterVerdict& v = n.filters[f];
      if (f) out.push_back(',');
      out += v.enabled ? "{\"Enabled\":true,\"Filter\":" : "{\"Enabled\":false,\"Filter\":";
      AppendJsonString(&out, v.filter);
      out += v.passed ? ",\"Passed\":true" : ",\"Passed\":false";
      if (!v.reason.empty()) {
        out += ",\"Reason\":";
        AppendJsonString(&out, v.reason);
      }
      out.push_back('}');
    }
    out += "],\"Hostname\":";
    AppendJsonString(&out, n.hostname);
    out += ",\"NodeID\":";
    AppendJsonString(&out, n.node_id);
    out += ",\"RecentFailures\":";
    AppendInt(&out, n.recent_failures);
    out += ",\"ServiceTasks\":";
    AppendInt(&out, n.service_tasks);
    out += ",\"TotalTasks\":";
    AppendInt(&out, n.total_tasks);
    out.push_back('}');
  }
  out += "],\"Placements\":[";
  for (size_t i = 0; i < d.placements.size(); ++i) {
    const TaskPlacement& p = d.placements[i];
    if (i) out.push_back(',');
    out.push_back('[');
    AppendJsonString(&out, p.task_id);
    out.push_back(',');
    AppendUint(&out, p.slot);
    out.push_back(',');
    AppendJsonString(&out, p.node_id);
    out.push_back(',');
    AppendInt(&out, p.service_tasks_before);
    out.push_back(',');
    AppendInt(&out, p.total_tasks_before);
    out.push_back(']');
  }
  out += "],\"ServiceID\":";
  AppendJsonString(&out, d.service_id);
  out += ",\"ServiceName\":";
  AppendJsonString(&out, d.service_name);
  out += ",\"SpecVersion\":";
  AppendUint(&out, d.spec_version);
  out += ",\"Time\":";
  AppendJsonString(&out, FormatRFC3339Nano(d.time));
  out.push_back('}');
  return out;
}

// Keys in nlohmann's sorted order, fields omitted exactly where ToJson omits them,
// so the text equals the dump of ToJson(node, TlsInfo{}) with Plugins erased (a
// node's TLSInfo is the swarm's, kept once with the swarm, not in every row).
std::string NodeRowJsonText(const Node& n) {
  std::string out;
  out.reserve(600);
  out += "{\"CreatedAt\":";
  AppendJsonString(&out, FormatRFC3339Nano(n.created_at));
  out += ",\"Description\":{\"Engine\":{";
  const NodeDescription& d = n.description;
  if (!d.engine_version.empty()) {
    out += "\"EngineVersion\":";
    AppendJsonString(&out, d.engine_version);
    if (!d.engine_labels.empty()) out.push_back(',');
  }
  if (!d.engine_labels.empty()) {
    out += "\"Labels\":";
    out += StringMapJsonText(d.engine_labels);
  }
  out += "},";
  AppendStringField(&out, "\"Hostname\":", d.hostname);
  if (!d.hostname.empty()) out.push_back(',');
  out += "\"Platform\":{";
  AppendStringField(&out, "\"Architecture\":", d.platform.architecture);
  AppendStringField(&out, d.platform.architecture.empty() ? "\"OS\":" : ",\"OS\":", d.platform.os);
  out += "},\"Resources\":{";
  bool any = false;
  auto next = [&](const char* key) {
    if (any) out.push_back(',');
    out += key;
    any = true;
  };
  if (!d.resources.generic.empty()) {
    next("\"GenericResources\":[");
    for (size_t i = 0; i < d.resources.generic.size(); ++i) {
      const GenericResource& g = d.resources.generic[i];
      if (i) out.push_back(',');
      out += g.named ? "{\"NamedResourceSpec\":{\"Kind\":" : "{\"DiscreteResourceSpec\":{\"Kind\":";
      AppendJsonString(&out, g.kind);
      out += ",\"Value\":";
      if (g.named) AppendJsonString(&out, g.named_value);
      else AppendInt(&out, g.discrete_value);
      out += "}}";
    }
    out.push_back(']');
  }
  if (d.resources.memory_bytes != 0) {
    next("\"MemoryBytes\":");
    AppendInt(&out, d.resources.memory_bytes);
  }
  if (d.resources.nano_cpus != 0) {
    next("\"NanoCPUs\":");
    AppendInt(&out, d.resources.nano_cpus);
  }
  if (d.resources.pids != 0) {
    next("\"Pids\":");
    AppendInt(&out, d.resources.pids);
  }
  out += "},\"TLSInfo\":{}},\"ID\":";
  AppendJsonString(&out, n.id);
  if (n.manager_status) {
    const ManagerStatus& m = *n.manager_status;
    out += ",\"ManagerStatus\":{";
    AppendStringField(&out, "\"Addr\":", m.addr);
    bool any = !m.addr.empty();
    if (m.leader) {
      out += any ? ",\"Leader\":true" : "\"Leader\":true";
      any = true;
    }
    AppendStringField(&out, any ? ",\"Reachability\":" : "\"Reachability\":", m.reachability);
    out.push_back('}');
  }
  out += ",\"Spec\":{\"Availability\":";
  AppendJsonString(&out, ToString(n.spec.availability));
  out += ",\"Labels\":";
  out += StringMapJsonText(n.spec.labels);
  out += ",\"Role\":";
  AppendJsonString(&out, ToString(n.spec.role));
  out += "},\"Status\":{";
  AppendStringField(&out, "\"Addr\":", n.status.addr);
  AppendStringField(&out, n.status.addr.empty() ? "\"Message\":" : ",\"Message\":", n.status.message);
  if (!n.status.addr.empty() || !n.status.message.empty()) out.push_back(',');
  out += "\"State\":";
  AppendJsonString(&out, ToString(n.status.state));
  out += "},\"UpdatedAt\":";
  AppendJsonString(&out, FormatRFC3339Nano(n.updated_at));
  out += ",\"Version\":{";
  if (n.version != 0) {
    out += "\"Index\":";
    AppendUint(&out, n.version);
  }
  out += "}}";
  return out;
}

namespace {

// Reads the fixed shapes this file writes; every step fails on a surprise.
class TextReader {
 public:
  explicit TextReader(std::string_view s) : s_(s) {}

  bool Lit(std::string_view lit) {
    if (s_.substr(i_, lit.size()) != lit) return false;
    i_ += lit.size();
    return true;
  }
  bool AtEnd() const { return i_ == s_.size(); }

  // A string literal with no escapes and no control characters (else false).
  bool Str(std::string* out) {
    if (!Lit("\"")) return false;
    size_t start = i_;
    for (; i_ < s_.size(); ++i_) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') break;
      if (c == '\\' || c < 0x20) return false;
    }
    if (i_ == s_.size()) return false;
    out->assign(s_.substr(start, i_ - start));
    ++i_;
    return true;
  }

  bool Uint(uint64_t* out) {
    size_t start = i_;
    uint64_t v = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (i_ - start >= 18) return false;  // far beyond any count; let JSON judge
      v = v * 10 + static_cast<uint64_t>(s_[i_++] - '0');
    }
    if (i_ == start || (s_[start] == '0' && i_ - start > 1)) return false;
    *out = v;
    return true;
  }

  bool Int(int64_t* out) {
    bool negative = Lit("-");
    uint64_t v = 0;
    if (!Uint(&v)) return false;
    *out = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
    return true;
  }

  // `,"Key":"value"` when the text has it there; else leaves *out empty.
  bool OptStr(std::string_view key, std::string* out) {
    out->clear();
    return !Lit(key) || Str(out);
  }

  // {"k":"v",...} with the same limits as Str.
  bool StrMap(std::map<std::string, std::string>* out) {
    out->clear();
    if (!Lit("{")) return false;
    while (!Lit("}")) {
      if (!out->empty() && !Lit(",")) return false;
      std::string k, v;
      if (!Str(&k) || !Lit(":") || !Str(&v)) return false;
      (*out)[std::move(k)] = std::move(v);
    }
    return true;
  }

  bool Instant(Time* out) {
    std::string s;
    if (!Str(&s)) return false;
    if (s.empty()) return *out = 0, true;
    auto t = ParseRFC3339(s);
    if (!t.ok()) return false;
    *out = t.value();
    return true;
  }

  bool Bool(bool* out) {
    if (Lit("true")) return *out = true, true;
    if (Lit("false")) return *out = false, true;
    return false;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool ReadFilter(TextReader* r, FilterVerdict* f) {
  if (!r->Lit("{\"Enabled\":") || !r->Bool(&f->enabled) || !r->Lit(",\"Filter\":") || !r->Str(&f->filter) ||
      !r->Lit(",\"Passed\":") || !r->Bool(&f->passed)) {
    return false;
  }
  if (r->Lit(",\"Reason\":") && !r->Str(&f->reason)) return false;
  return r->Lit("}");
}

bool ReadNodeVerdict(TextReader* r, NodeVerdict* n) {
  if (!r->Lit("{\"Filters\":[")) return false;
  while (!r->Lit("]")) {
    if (!n->filters.empty() && !r->Lit(",")) return false;
    if (!ReadFilter(r, &n->filters.emplace_back())) return false;
  }
  return r->Lit(",\"Hostname\":") && r->Str(&n->hostname) && r->Lit(",\"NodeID\":") && r->Str(&n->node_id) &&
         r->Lit(",\"RecentFailures\":") && r->Int(&n->recent_failures) && r->Lit(",\"ServiceTasks\":") &&
         r->Int(&n->service_tasks) && r->Lit(",\"TotalTasks\":") && r->Int(&n->total_tasks) && r->Lit("}");
}

bool ReadPlacement(TextReader* r, TaskPlacement* p) {
  return r->Lit("[") && r->Str(&p->task_id) && r->Lit(",") && r->Uint(&p->slot) && r->Lit(",") &&
         r->Str(&p->node_id) && r->Lit(",") && r->Int(&p->service_tasks_before) && r->Lit(",") &&
         r->Int(&p->total_tasks_before) && r->Lit("]");
}

}  // namespace

bool ParseDecisionJsonText(std::string_view text, Decision* d) {
  *d = Decision{};
  TextReader r(text);
  if (!r.Lit("{")) return false;
  if (r.Lit("\"Error\":")) {
    if (!r.Str(&d->error) || !r.Lit(",")) return false;
  }
  if (!r.Lit("\"ID\":") || !r.Str(&d->id) || !r.Lit(",\"Nodes\":[")) return false;
  while (!r.Lit("]")) {
    if (!d->nodes.empty() && !r.Lit(",")) return false;
    if (!ReadNodeVerdict(&r, &d->nodes.emplace_back())) return false;
  }
  if (!r.Lit(",\"Placements\":[")) return false;
  while (!r.Lit("]")) {
    if (!d->placements.empty() && !r.Lit(",")) return false;
    if (!ReadPlacement(&r, &d->placements.emplace_back())) return false;
  }
  std::string time;
  if (!r.Lit(",\"ServiceID\":") || !r.Str(&d->service_id) || !r.Lit(",\"ServiceName\":") ||
      !r.Str(&d->service_name) || !r.Lit(",\"SpecVersion\":") || !r.Uint(&d->spec_version) ||
      !r.Lit(",\"Time\":") || !r.Str(&time) || !r.Lit("}") || !r.AtEnd()) {
    return false;
  }
  if (time.empty()) return true;
  auto t = ParseRFC3339(time);
  if (!t.ok()) return false;
  d->time = t.value();
  return true;
}

bool ParseNodeRowJsonText(std::string_view text, Node* n) {
  TextReader r(text);
  NodeDescription& d = n->description;
  std::string role, availability, state;
  if (!r.Lit("{\"CreatedAt\":") || !r.Instant(&n->created_at) || !r.Lit(",\"Description\":{\"Engine\":{")) {
    return false;
  }
  if (!r.OptStr("\"EngineVersion\":", &d.engine_version)) return false;
  d.engine_labels.clear();
  if (r.Lit(d.engine_version.empty() ? "\"Labels\":" : ",\"Labels\":") && !r.StrMap(&d.engine_labels)) return false;
  if (!r.Lit("},") || !r.OptStr("\"Hostname\":", &d.hostname)) return false;
  if (!d.hostname.empty() && !r.Lit(",")) return false;
  if (!r.Lit("\"Platform\":{") || !r.OptStr("\"Architecture\":", &d.platform.architecture) ||
      !r.OptStr(d.platform.architecture.empty() ? "\"OS\":" : ",\"OS\":", &d.platform.os) ||
      !r.Lit("},\"Resources\":{")) {
    return false;
  }
  d.resources = Resources{};
  bool any = false;  // a field read: the next one comes after a comma
  if (r.Lit("\"GenericResources\":[")) {
    any = true;
    for (bool first = true; !r.Lit("]"); first = false) {
      GenericResource g;
      if (!first && !r.Lit(",")) return false;
      if (r.Lit("{\"NamedResourceSpec\":{\"Kind\":")) {
        g.named = true;
        if (!r.Str(&g.kind) || !r.Lit(",\"Value\":") || !r.Str(&g.named_value)) return false;
      } else if (!r.Lit("{\"DiscreteResourceSpec\":{\"Kind\":") || !r.Str(&g.kind) || !r.Lit(",\"Value\":") ||
                 !r.Int(&g.discrete_value)) {
        return false;
      }
      if (!r.Lit("}}")) return false;
      d.resources.generic.push_back(std::move(g));
    }
  }
  for (auto [key, field] : {std::pair{"\"MemoryBytes\":", &d.resources.memory_bytes},
                            std::pair{"\"NanoCPUs\":", &d.resources.nano_cpus},
                            std::pair{"\"Pids\":", &d.resources.pids}}) {
    if (!r.Lit(any ? "," + std::string(key) : std::string(key))) continue;
    if (!r.Int(field)) return false;
    any = true;
  }
  if (!r.Lit("},\"TLSInfo\":{}},\"ID\":") || !r.Str(&n->id)) return false;
  n->manager_status.reset();
  if (r.Lit(",\"ManagerStatus\":{")) {
    ManagerStatus& m = n->manager_status.emplace();
    if (!r.OptStr("\"Addr\":", &m.addr)) return false;
    m.leader = r.Lit(m.addr.empty() ? "\"Leader\":true" : ",\"Leader\":true");
    bool any = !m.addr.empty() || m.leader;
    if (!r.OptStr(any ? ",\"Reachability\":" : "\"Reachability\":", &m.reachability) || !r.Lit("}")) return false;
  }
  if (!r.Lit(",\"Spec\":{\"Availability\":") || !r.Str(&availability) || !r.Lit(",\"Labels\":") ||
      !r.StrMap(&n->spec.labels) || !r.Lit(",\"Role\":") || !r.Str(&role) || !r.Lit("},\"Status\":{") ||
      !r.OptStr("\"Addr\":", &n->status.addr) ||
      !r.OptStr(n->status.addr.empty() ? "\"Message\":" : ",\"Message\":", &n->status.message)) {
    return false;
  }
  if ((!n->status.addr.empty() || !n->status.message.empty()) && !r.Lit(",")) return false;
  if (!r.Lit("\"State\":") || !r.Str(&state) || !r.Lit("},\"UpdatedAt\":") || !r.Instant(&n->updated_at) ||
      !r.Lit(",\"Version\":{")) {
    return false;
  }
  n->version = 0;
  if (r.Lit("\"Index\":") && !r.Uint(&n->version)) return false;
  if (!r.Lit("}}") || !r.AtEnd()) return false;
  if (!ParseNodeRole(role, &n->spec.role) || !ParseNodeAvailability(availability, &n->spec.availability)) return false;
  for (NodeState s : {NodeState::kUnknown, NodeState::kDown, NodeState::kReady, NodeState::kDisconnected}) {
    if (state == ToString(s)) {
      n->status.state = s;
      return true;
    }
  }
  return false;
}

}  // namespace swarmsim
