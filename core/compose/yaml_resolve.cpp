#include "core/compose/yaml_resolve.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace swarmsim::compose {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool MatchesYamlFloat(const std::string& s) {
  // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
  } else {
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
  }
  return i == s.size();
}

// yaml.v3 reads plain scalars in these time.Parse layouts as time.Time:
// "2006-1-2T15:4:5.999999999Z07:00" (also with 't'), "2006-1-2 15:4:5.999999999"
// and "2006-1-2". On success *out holds the RFC 3339 text yaml.v3 writes back
// and Go's Time.String() text that fmt prints.
bool ParseTimestamp(const std::string& s, Value* out) {
  size_t p = 0;
  auto digits = [&](int fixed, int* v) {  // fixed 0: one or two digits
    if (p >= s.size() || !IsDigit(s[p])) return false;
    int n = s[p++] - '0';
    int max = fixed ? fixed : 2;
    int count = 1;
    while (count < max && p < s.size() && IsDigit(s[p])) {
      n = n * 10 + (s[p++] - '0');
      ++count;
    }
    if (fixed && count != fixed) return false;
    *v = n;
    return true;
  };
  auto lit = [&](char c) {
    if (p >= s.size() || s[p] != c) return false;
    ++p;
    return true;
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(4, &year) || !lit('-') || !digits(0, &month) || !lit('-') || !digits(0, &day)) return false;
  if (month < 1 || month > 12) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < 1 || day > days_in_month) return false;
  std::string frac;
  bool has_offset = false;
  int offset_minutes = 0;
  if (p < s.size()) {
    char sep = s[p++];
    if (sep != 'T' && sep != 't' && sep != ' ') return false;
    if (!digits(0, &hour) || !lit(':') || !digits(0, &minute) || !lit(':') || !digits(0, &second)) return false;
    if (hour >= 24 || minute >= 60 || second >= 60) return false;
    if (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && IsDigit(s[p + 1])) {
      ++p;
      while (p < s.size() && IsDigit(s[p])) frac.push_back(s[p++]);
      if (frac.size() > 9) frac.resize(9);
    }
    if (sep != ' ' && p < s.size()) {
      if (s[p] == 'Z') {
        ++p;
      } else {
        if (s.size() - p < 6 || (s[p] != '+' && s[p] != '-') || s[p + 3] != ':') return false;
        if (!IsDigit(s[p + 1]) || !IsDigit(s[p + 2]) || !IsDigit(s[p + 4]) || !IsDigit(s[p + 5])) return false;
        int hh = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
        int mm = (s[p + 4] - '0') * 10 + (s[p + 5] - '0');
        if (hh > 24 || mm > 60) return false;
        offset_minutes = (hh * 60 + mm) * (s[p] == '-' ? -1 : 1);
        has_offset = offset_minutes != 0;
        p += 6;
      }
    } else if (sep != ' ' && p >= s.size()) {
      return false;  // the T layouts need a zone
    }
  }
  if (p != s.size()) return false;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  char date[64];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  char clock[32];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", hour, minute, second);
  std::string fraction = frac.empty() ? "" : "." + frac;
  std::string rfc = std::string(date) + "T" + clock + fraction;
  std::string text = std::string(date) + " " + clock + fraction;
  if (has_offset) {
    int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char sign = offset_minutes < 0 ? '-' : '+';
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, a / 60, a % 60);
    rfc += zone;
    char numeric[16];
    std::snprintf(numeric, sizeof numeric, "%c%02d%02d", sign, a / 60, a % 60);
    text += std::string(" ") + numeric + " " + numeric;  // a fixed zone without a name
  } else {
    rfc += "Z";
    text += " +0000 UTC";
  }
  *out = Value::Time(rfc, text);
  return true;
}

// Go's strconv.ParseInt(s, 0, 64) / ParseUint: base prefixes 0x, 0o, 0b, and a
// leading 0 for octal.
bool ParseGoInt(const std::string& in, int64_t* out_i, uint64_t* out_u, bool* is_unsigned) {
  std::string s = in;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char b = s[1];
    if (b == 'x' || b == 'X') {
      base = 16;
      s = s.substr(2);
    } else if (b == 'o' || b == 'O') {
      base = 8;
      s = s.substr(2);
    } else if (b == 'b' || b == 'B') {
      base = 2;
      s = s.substr(2);
    } else {
      base = 8;
      s = s.substr(1);
    }
    if (s.empty()) return false;
  }
  unsigned __int128 v = 0;
  for (char c : s) {
    int d;
    if (IsDigit(c)) {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    v = v * base + d;
    if (v > static_cast<unsigned __int128>(UINT64_MAX)) return false;
  }
  if (neg) {
    if (v > static_cast<unsigned __int128>(INT64_MAX) + 1) return false;
    *out_i = static_cast<int64_t>(-static_cast<__int128>(v));
    *is_unsigned = false;
    return true;
  }
  if (v <= static_cast<unsigned __int128>(INT64_MAX)) {
    *out_i = static_cast<int64_t>(v);
    *is_unsigned = false;
  } else {
    *out_u = static_cast<uint64_t>(v);
    *is_unsigned = true;
  }
  return true;
}

}  // namespace

ResolvedScalar ResolvePlainScalar(const std::string& in) {
  static const std::set<std::string> kTrue = {"true", "True", "TRUE"};
  static const std::set<std::string> kFalse = {"false", "False", "FALSE"};
  static const std::set<std::string> kNull = {"", "~", "null", "Null", "NULL"};
  char hint = 'N';
  if (!in.empty()) {
    char c = in[0];
    if (c == '+' || c == '-') {
      hint = 'S';
    } else if (IsDigit(c)) {
      hint = 'D';
    } else if (std::string("yYnNtTfFoO~").find(c) != std::string::npos) {
      hint = 'M';
    } else if (c == '.') {
      hint = '.';
    } else {
      hint = 0;
    }
  }
  if (hint != 0) {
    if (kTrue.count(in)) return {"!!bool", Value::Bool(true)};
    if (kFalse.count(in)) return {"!!bool", Value::Bool(false)};
    if (kNull.count(in)) return {"!!null", Value::Null()};
    if (in == ".nan" || in == ".NaN" || in == ".NAN") return {"!!float", Value::Float(std::nan(""))};
    if (in == ".inf" || in == ".Inf" || in == ".INF" || in == "+.inf" || in == "+.Inf" || in == "+.INF") {
      return {"!!float", Value::Float(HUGE_VAL)};
    }
    if (in == "-.inf" || in == "-.Inf" || in == "-.INF") return {"!!float", Value::Float(-HUGE_VAL)};
    if (in == "<<") return {"!!merge", Value::String(in)};
    if (hint == '.') {
      if (MatchesYamlFloat(in)) return {"!!float", Value::Float(std::strtod(in.c_str(), nullptr))};
    } else if (hint == 'D' || hint == 'S') {
      Value t;
      if (ParseTimestamp(in, &t)) return {"!!timestamp", t};
      std::string plain;
      for (char c : in) {
        if (c != '_') plain.push_back(c);
      }
      int64_t iv = 0;
      uint64_t uv = 0;
      bool is_unsigned = false;
      // Go's ParseInt with base 0 also accepts the 0b/0o/0x forms handled here.
      if (ParseGoInt(plain, &iv, &uv, &is_unsigned)) {
        return {"!!int", is_unsigned ? Value::Uint(uv) : Value::Int(iv)};
      }
      if (MatchesYamlFloat(plain)) {
        errno = 0;
        double f = std::strtod(plain.c_str(), nullptr);
        if (errno != ERANGE) return {"!!float", Value::Float(f)};
      }
    }
  }
  return {"!!str", Value::String(in)};
}

std::string ImplicitTag(const std::string& plain) { return ResolvePlainScalar(plain).tag; }

}  // namespace swarmsim::compose
