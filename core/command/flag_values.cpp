#include "core/command/flag_values.h"

#include "core/container/filesystem.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <regex>
#include <set>

#include "core/format/size.h"

namespace swarmsim {

namespace {

// Go's %q for the text pflag quotes (printable ASCII and UTF-8 pass through).
std::string GoQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// strconv.ParseInt(s, 10, 64) with Go's error text.
Result<int64_t> ParseGoInt(const std::string& s) {
  bool ok = !s.empty();
  size_t i = (ok && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i == s.size()) ok = false;
  for (size_t k = i; ok && k < s.size(); ++k) ok = std::isdigit(static_cast<unsigned char>(s[k])) != 0;
  if (!ok) return Status::InvalidArgument("strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
  errno = 0;
  long long v = std::strtoll(s.c_str(), nullptr, 10);
  if (errno == ERANGE) return Status::InvalidArgument("strconv.ParseInt: parsing \"" + s + "\": value out of range");
  return static_cast<int64_t>(v);
}

// One record of Go's encoding/csv (comma-separated, "-quoted fields).
Result<std::vector<std::string>> ReadCsvRecord(const std::string& s) {
  if (s.empty()) return Status::InvalidArgument("EOF");
  std::vector<std::string> fields;
  size_t i = 0;
  while (true) {
    std::string field;
    if (i < s.size() && s[i] == '"') {
      ++i;
      while (true) {
        if (i >= s.size()) {
          return Status::InvalidArgument("parse error on line 1, column " + std::to_string(s.size() + 1) +
                                         ": extraneous or missing \" in quoted-field");
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          if (i < s.size() && s[i] != ',') {
            return Status::InvalidArgument("parse error on line 1, column " + std::to_string(i) +
                                           ": extraneous or missing \" in quoted-field");
          }
          break;
        }
        field += s[i++];
      }
    } else {
      while (i < s.size() && s[i] != ',') {
        if (s[i] == '"') {
          return Status::InvalidArgument("parse error on line 1, column " + std::to_string(i + 1) +
                                         ": bare \" in non-quoted-field");
        }
        field += s[i++];
      }
    }
    fields.push_back(field);
    if (i >= s.size()) break;
    ++i;  // the comma
  }
  return fields;
}

void SetOnMap(std::map<std::string, std::string>* m, const std::string& kv) {
  auto eq = kv.find('=');
  std::string k = kv.substr(0, eq);
  if (!k.empty()) (*m)[k] = eq == std::string::npos ? "" : kv.substr(eq + 1);
}

}  // namespace

Status BadFlagValue(const std::string& flag, const std::string& value, const std::string& why) {
  return Status::InvalidFlag("invalid argument " + GoQuote(value) + " for \"--" + flag + "\" flag: " + why);
}

std::optional<bool> ParseGoBool(const std::string& s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
  return std::nullopt;
}

Result<Mount> ParseMountValue(const std::string& value, const std::string& cwd) {
  auto fields = ReadCsvRecord(value);
  if (!fields.ok()) return fields.status();
  Mount m;
  bool volume_opts = false, bind_opts = false, tmpfs_opts = false;
  std::string type = "volume";
  for (const std::string& field : *fields) {
    auto eq = field.find('=');
    std::string key = Lower(field.substr(0, eq));
    std::string val = eq == std::string::npos ? "" : field.substr(eq + 1);
    if (eq == std::string::npos) {
      if (key == "readonly" || key == "ro") {
        m.read_only = true;
      } else if (key == "volume-nocopy") {
        volume_opts = true;
        m.volume_nocopy = true;
      } else if (key == "bind-nonrecursive") {
        bind_opts = true;
        m.bind_nonrecursive = true;
      } else {
        return Status::InvalidArgument("invalid field '" + field + "' must be a key=value pair");
      }
      continue;
    }
    auto parse_bool = [&](bool* out) -> Status {
      auto b = ParseGoBool(val);
      if (!b) return Status::InvalidArgument("invalid value for " + key + ": " + val);
      *out = *b;
      return Status::OK();
    };
    if (key == "type") {
      type = Lower(val);
    } else if (key == "source" || key == "src") {
      m.source = val;
      if (!val.empty() && val[0] == '.') m.source = CleanPath(cwd + "/" + val);
    } else if (key == "target" || key == "dst" || key == "destination") {
      m.target = val;
    } else if (key == "readonly" || key == "ro") {
      SWARMSIM_RETURN_IF_ERROR(parse_bool(&m.read_only));
    } else if (key == "consistency") {
      m.consistency = Lower(val);
    } else if (key == "bind-propagation") {
      bind_opts = true;
      m.bind_propagation = Lower(val);
    } else if (key == "bind-nonrecursive") {
      bind_opts = true;
      SWARMSIM_RETURN_IF_ERROR(parse_bool(&m.bind_nonrecursive));
    } else if (key == "bind-recursive") {
      if (val == "disabled") {
        bind_opts = true;
        m.bind_nonrecursive = true;
      } else if (val == "enabled") {
      } else if (val == "writable" || val == "readonly") {
        // Recursive read-only modes are the engine's business; nothing here reads them.
        bind_opts = true;
      } else {
        return Status::InvalidArgument("invalid value for " + key + ": " + val +
                                       " (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")");
      }
    } else if (key == "volume-subpath") {
      volume_opts = true;
      m.volume_subpath = val;
    } else if (key == "volume-nocopy") {
      volume_opts = true;
      auto b = ParseGoBool(val);
      if (!b) return Status::InvalidArgument("invalid value for volume-nocopy: " + val);
      m.volume_nocopy = *b;
    } else if (key == "volume-label") {
      volume_opts = true;
      SetOnMap(&m.volume_labels, val);
    } else if (key == "volume-driver") {
      volume_opts = true;
      m.volume_driver = val;
    } else if (key == "volume-opt") {
      volume_opts = true;
      SetOnMap(&m.volume_driver_options, val);
    } else if (key == "tmpfs-size") {
      tmpfs_opts = true;
      auto size = ParseRAMInBytes(val);
      if (!size.ok()) return Status::InvalidArgument("invalid value for " + key + ": " + val);
      m.tmpfs_size = *size;
    } else if (key == "tmpfs-mode") {
      tmpfs_opts = true;
      bool octal = !val.empty() && val.find_first_not_of("01234567") == std::string::npos && val.size() <= 11;
      unsigned long mode = octal ? std::strtoul(val.c_str(), nullptr, 8) : 0;
      if (!octal || mode > 0xffffffffUL) return Status::InvalidArgument("invalid value for " + key + ": " + val);
      m.tmpfs_mode = static_cast<uint32_t>(mode);
    } else {
      return Status::InvalidArgument("unexpected key '" + key + "' in '" + field + "'");
    }
  }
  m.type = type;
  if (m.type.empty()) return Status::InvalidArgument("type is required");
  if (m.target.empty()) return Status::InvalidArgument("target is required");
  if (volume_opts && m.type != "volume") {
    return Status::InvalidArgument("cannot mix 'volume-*' options with mount type '" + m.type + "'");
  }
  if (bind_opts && m.type != "bind") {
    return Status::InvalidArgument("cannot mix 'bind-*' options with mount type '" + m.type + "'");
  }
  if (tmpfs_opts && m.type != "tmpfs") {
    return Status::InvalidArgument("cannot mix 'tmpfs-*' options with mount type '" + m.type + "'");
  }
  // The CLI sends VolumeOptions with an empty DriverConfig for any volume-* option;
  // swarm hands back bind options with its default propagation filled in.
  m.volume_driver_config = volume_opts;
  if (bind_opts && m.bind_propagation.empty()) m.bind_propagation = "rprivate";
  return m;
}

Result<Ulimit> ParseUlimitValue(const std::string& value) {
  static const std::set<std::string> kNames = {"core",   "cpu",   "data",   "fsize",      "locks",
                                               "memlock", "msgqueue", "nice", "nofile",     "nproc",
                                               "rss",    "rtprio", "rttime", "sigpending", "stack"};
  auto eq = value.find('=');
  if (eq == std::string::npos) return Status::InvalidArgument("invalid ulimit argument: " + value);
  Ulimit u;
  u.name = value.substr(0, eq);
  if (!kNames.count(u.name)) return Status::InvalidArgument("invalid ulimit type: " + u.name);
  std::string limits = value.substr(eq + 1);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t colon = limits.find(':', start);
    parts.push_back(limits.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() > 2) {
    return Status::InvalidArgument("too many limit value arguments - " + limits +
                                   ", can only have up to two, `soft[:hard]`");
  }
  if (parts.size() == 2) {
    auto hard = ParseGoInt(parts[1]);
    if (!hard.ok()) return hard.status();
    u.hard = *hard;
  }
  auto soft = ParseGoInt(parts[0]);
  if (!soft.ok()) return soft.status();
  u.soft = *soft;
  if (parts.size() == 1) u.hard = u.soft;
  if (u.hard != -1 && u.soft > u.hard) {
    return Status::InvalidArgument("ulimit soft limit must be less than or equal to hard limit: " +
                                   std::to_string(u.soft) + " > " + std::to_string(u.hard));
  }
  return u;
}

Result<std::string> ParseIpAddress(const std::string& value) {
  std::string v = value;
  auto first = v.find_first_not_of(" \t\n\r\v\f");
  auto last = v.find_last_not_of(" \t\n\r\v\f");
  v = first == std::string::npos ? "" : v.substr(first, last - first + 1);
  unsigned char buf[16];
  char text[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, v.c_str(), buf) == 1) {
    inet_ntop(AF_INET, buf, text, sizeof text);
    return std::string(text);
  }
  if (inet_pton(AF_INET6, v.c_str(), buf) == 1) {
    inet_ntop(AF_INET6, buf, text, sizeof text);
    return std::string(text);
  }
  return Status::InvalidArgument("IP address is not correctly formatted: " + value);
}

Result<std::string> ParseExtraHost(const std::string& value) {
  auto cut = value.find('=');
  if (cut == std::string::npos) cut = value.find(':');
  std::string host = cut == std::string::npos ? "" : value.substr(0, cut);
  if (cut == std::string::npos || host.empty() || host.find(':') != std::string::npos) {
    return Status::InvalidArgument("bad format for add-host: " + GoQuote(value));
  }
  std::string ip = value.substr(cut + 1);
  if (ip != "host-gateway") {
    if (ip.size() > 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
    if (!ParseIpAddress(ip).ok()) return Status::InvalidArgument("invalid IP address in add-host: " + GoQuote(ip));
  }
  return ip + " " + host;
}

Result<std::string> ParseDnsSearch(const std::string& value) {
  std::string v = value;
  while (!v.empty() && v.front() == ' ') v.erase(v.begin());
  while (!v.empty() && v.back() == ' ') v.pop_back();
  if (v == ".") return v;
  static const std::regex kDomain(
      R"(^((?:[a-zA-Z0-9]|(?:[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))(?:\.(?:[a-zA-Z0-9]|(?:[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])))*)\.?\s*$)");
  std::smatch m;
  bool alpha = std::any_of(v.begin(), v.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  if (alpha && std::regex_match(v, m, kDomain) && m[1].length() < 255) return m[1].str();
  return Status::InvalidArgument(v + " is not a valid domain");
}

Result<std::vector<GenericResource>> ParseGenericResources(const std::vector<std::string>& values) {
  const std::string prefix = "invalid generic resource specification: could not parse GenericResource: ";
  std::map<std::string, std::vector<std::string>> by_kind;
  for (const auto& term : values) {
    auto eq = term.find('=');
    if (eq == std::string::npos || term.find('=', eq + 1) != std::string::npos) {
      return Status::InvalidArgument(prefix + "incorrect term " + term + ", missing '=' or malformed expression");
    }
    auto trim = [](std::string s) {
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
      return s;
    };
    by_kind[trim(term.substr(0, eq))].push_back(trim(term.substr(eq + 1)));
  }
  std::vector<GenericResource> out;
  for (const auto& [kind, vals] : by_kind) {
    auto n = vals.size() == 1 ? ParseGoInt(vals[0]) : Result<int64_t>(Status::InvalidArgument(""));
    if (n.ok()) {
      if (*n < 0) return Status::InvalidArgument(prefix + "cannot ask for negative resource " + kind);
      GenericResource r;
      r.kind = kind;
      r.discrete_value = *n;
      out.push_back(r);
      continue;
    }
    bool named = true;
    for (const auto& v : vals) named = named && !ParseGoInt(v).ok();
    if (!named) {
      std::string list = "[";
      for (size_t i = 0; i < vals.size(); ++i) list += (i ? " " : "") + vals[i];
      return Status::InvalidArgument(prefix + "mixed discrete and named resources in expression '" + kind + "=" +
                                     list + "]'");
    }
    return Status::InvalidArgument("invalid generic-resource request `" + kind + "=" + vals[0] +
                                   "`, Named Generic Resources is not supported for service create or update");
  }
  return out;
}

std::string NormalizeCapability(const std::string& cap) {
  std::string c = cap;
  while (!c.empty() && std::isspace(static_cast<unsigned char>(c.front()))) c.erase(c.begin());
  while (!c.empty() && std::isspace(static_cast<unsigned char>(c.back()))) c.pop_back();
  c = Upper(c);
  if (c == "ALL" || c == "RESET") return c;
  return c.rfind("CAP_", 0) == 0 ? c : "CAP_" + c;
}

namespace {

std::set<std::string> CapSet(const std::vector<std::string>& caps) {
  std::set<std::string> out;
  for (const auto& c : caps) out.insert(NormalizeCapability(c));
  return out;
}

std::vector<std::string> CapList(const std::set<std::string>& caps) {
  if (caps.count("ALL")) return {"ALL"};
  return std::vector<std::string>(caps.begin(), caps.end());
}

}  // namespace

void EffectiveCapabilities(const std::vector<std::string>& add, const std::vector<std::string>& drop,
                           std::vector<std::string>* cap_add, std::vector<std::string>* cap_drop) {
  std::set<std::string> a = CapSet(add), d = CapSet(drop);
  if (a.count("ALL")) a = {"ALL"};
  if (d.count("ALL")) d = {"ALL"};
  cap_add->clear();
  cap_drop->clear();
  for (const auto& c : d) {
    if (!a.count(c) && c != "RESET") cap_drop->push_back(c);
  }
  for (const auto& c : a) {
    if (c != "RESET") cap_add->push_back(c);
  }
}

void UpdateCapabilities(const std::vector<std::string>& add, bool add_given, const std::vector<std::string>& drop,
                        bool drop_given, std::vector<std::string>* cap_add, std::vector<std::string>* cap_drop) {
  std::set<std::string> have_drop = CapSet(*cap_drop), have_add = CapSet(*cap_add);
  std::set<std::string> to_add, to_drop;
  if (add_given) {
    to_add = CapSet(add);
    if (to_add.erase("RESET")) have_add.clear();
  }
  if (drop_given) {
    to_drop = CapSet(drop);
    if (to_drop.erase("RESET")) have_drop.clear();
  }
  for (const auto& c : to_drop) {
    if (to_add.count(c)) continue;
    if (have_add.count(c)) have_add.erase(c);
    else have_drop.insert(c);
  }
  for (const auto& c : to_add) {
    if (have_drop.count(c)) have_drop.erase(c);
    else have_add.insert(c);
  }
  *cap_drop = CapList(have_drop);
  *cap_add = CapList(have_add);
}

Result<std::vector<std::string>> SplitShellWords(const std::string& value) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\\') {
      if (++i >= value.size()) return Status::InvalidArgument("EOF found after escape character");
      word += value[i];
      in_word = true;
    } else if (c == '\'') {
      size_t close = value.find('\'', i + 1);
      if (close == std::string::npos) return Status::InvalidArgument("EOF found when expecting closing quote");
      word += value.substr(i + 1, close - i - 1);
      i = close;
      in_word = true;
    } else if (c == '"') {
      bool closed = false;
      for (++i; i < value.size(); ++i) {
        if (value[i] == '"') {
          closed = true;
          break;
        }
        if (value[i] == '\\' && i + 1 < value.size()) {
          char n = value[i + 1];
          if (n == '"' || n == '\\' || n == '$' || n == '`' || n == '\n') {
            word += n;
            ++i;
            continue;
          }
        }
        word += value[i];
      }
      if (!closed) return Status::InvalidArgument("EOF found when expecting closing quote");
      in_word = true;
    } else if (c == '#' && !in_word) {
      break;  // a comment to the end of the line
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

std::map<std::string, std::string> KeyValueMap(const std::vector<std::string>& values) {
  std::map<std::string, std::string> out;
  for (const auto& v : values) {
    auto eq = v.find('=');
    out[v.substr(0, eq)] = eq == std::string::npos ? "" : v.substr(eq + 1);
  }
  return out;
}

}  // namespace swarmsim
