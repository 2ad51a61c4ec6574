#include "core/format/go_duration.h"

#include <cstdint>

namespace swarmsim {

namespace {

struct Unit { const char* name; int64_t ns; };
constexpr Unit kUnits[] = {{"ns", 1},           {"us", 1000},          {"\xc2\xb5s", 1000},
                           {"\xce\xbcs", 1000}, {"ms", 1000000},       {"s", 1000000000},
                           {"m", 60000000000LL}, {"h", 3600000000000LL}};

}  // namespace

Result<Duration> ParseGoDuration(const std::string& text) {
  auto invalid = [&] { return Status::InvalidArgument("time: invalid duration \"" + text + "\""); };
  std::string s = text;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  if (s == "0") return Duration{0};
  if (s.empty()) return invalid();
  long double total = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    long double value = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0');
    bool had_int = i > start;
    bool had_frac = false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      size_t fs = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        value += (s[i++] - '0') * scale;
        scale /= 10;
      }
      had_frac = i > fs;
    }
    if (!had_int && !had_frac) return invalid();
    size_t us = i;
    while (i < s.size() && !(s[i] >= '0' && s[i] <= '9') && s[i] != '.') ++i;
    std::string unit = s.substr(us, i - us);
    if (unit.empty()) return Status::InvalidArgument("time: missing unit in duration \"" + text + "\"");
    const Unit* found = nullptr;
    for (const auto& u : kUnits) if (unit == u.name) found = &u;
    if (!found) {
      return Status::InvalidArgument("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
    }
    total += value * found->ns;
    if (total > 9.2e18L) return invalid();
  }
  Duration d = static_cast<Duration>(total + 0.5L);
  return neg ? -d : d;
}

std::string FormatGoDuration(Duration d) {
  if (d == 0) return "0s";
  bool neg = d < 0;
  uint64_t u = neg ? static_cast<uint64_t>(-d) : static_cast<uint64_t>(d);
  std::string out;
  auto frac = [](uint64_t v, int digits) {
    // v split into integer and `digits` fractional digits, trailing zeros dropped.
    uint64_t pow = 1;
    for (int i = 0; i < digits; ++i) pow *= 10;
    std::string s = std::to_string(v / pow);
    uint64_t f = v % pow;
    if (f) {
      std::string fs = std::to_string(f);
      fs = std::string(digits - fs.size(), '0') + fs;
      while (!fs.empty() && fs.back() == '0') fs.pop_back();
      s += "." + fs;
    }
    return s;
  };
  if (u < 1000000000ULL) {
    // Sub-second: ns, µs or ms with a fraction.
    if (u < 1000) out = std::to_string(u) + "ns";
    else if (u < 1000000) out = frac(u, 3) + "\xc2\xb5s";
    else out = frac(u, 6) + "ms";
  } else {
    uint64_t hours = u / 3600000000000ULL;
    uint64_t rem = u % 3600000000000ULL;
    uint64_t minutes = rem / 60000000000ULL;
    uint64_t secs_ns = rem % 60000000000ULL;
    std::string secs = frac(secs_ns, 9) + "s";
    if (hours > 0) out = std::to_string(hours) + "h" + std::to_string(minutes) + "m" + secs;
    else if (minutes > 0) out = std::to_string(minutes) + "m" + secs;
    else out = secs;
  }
  return neg ? "-" + out : out;
}

}  // namespace swarmsim
