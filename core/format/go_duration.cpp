#include "core/format/go_duration.h"

#include <cstdint>

namespace swarmsim {

namespace {

constexpr uint64_t kLimit = uint64_t{1} << 63;  // |math.MinInt64|

struct Unit {
  const char* name;
  uint64_t ns;
};
constexpr Unit kUnits[] = {{"ns", 1},
                           {"us", 1000},
                           {"\xc2\xb5s", 1000},  // U+00B5 micro sign
                           {"\xce\xbcs", 1000},  // U+03BC Greek mu
                           {"ms", 1000000},
                           {"s", 1000000000},
                           {"m", 60000000000ULL},
                           {"h", 3600000000000ULL}};

// Go quotes the text in its errors, escaping quotes, backslashes, control bytes
// and every byte of non-ASCII text as \xNN.
std::string Quote(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x80 || c < 0x20) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Result<Duration> ParseGoDuration(const std::string& text) {
  auto invalid = [&] { return Status::InvalidArgument("time: invalid duration " + Quote(text)); };
  size_t i = 0;
  bool neg = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    neg = text[0] == '-';
    i = 1;
  }
  if (text.compare(i, std::string::npos, "0") == 0) return Duration{0};
  if (i == text.size()) return invalid();

  uint64_t total = 0;
  while (i < text.size()) {
    if (!(text[i] == '.' || IsDigit(text[i]))) return invalid();
    // Whole part: overflow past 2^63 is an error.
    uint64_t whole = 0;
    size_t start = i;
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      if (whole > kLimit / 10) return invalid();
      whole = whole * 10 + static_cast<uint64_t>(text[i] - '0');
      if (whole > kLimit) return invalid();
    }
    bool had_whole = i > start;
    // Fraction: digits past what fits only stop adding precision.
    uint64_t frac = 0;
    double scale = 1;
    bool had_frac = false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      size_t fstart = i;
      bool saturated = false;
      for (; i < text.size() && IsDigit(text[i]); ++i) {
        if (saturated) continue;
        if (frac > (kLimit - 1) / 10) {
          saturated = true;
          continue;
        }
        uint64_t next = frac * 10 + static_cast<uint64_t>(text[i] - '0');
        if (next > kLimit) {
          saturated = true;
          continue;
        }
        frac = next;
        scale *= 10;
      }
      had_frac = i > fstart;
    }
    if (!had_whole && !had_frac) return invalid();

    size_t ustart = i;
    while (i < text.size() && text[i] != '.' && !IsDigit(text[i])) ++i;
    if (i == ustart) return Status::InvalidArgument("time: missing unit in duration " + Quote(text));
    std::string name = text.substr(ustart, i - ustart);
    const Unit* unit = nullptr;
    for (const auto& u : kUnits) {
      if (name == u.name) unit = &u;
    }
    if (unit == nullptr) {
      return Status::InvalidArgument("time: unknown unit " + Quote(name) + " in duration " + Quote(text));
    }
    if (whole > kLimit / unit->ns) return invalid();
    uint64_t value = whole * unit->ns;
    if (frac > 0) {
      // Go adds the fraction through float64 and truncates: "0.9999999999s" is 999999999ns.
      value += static_cast<uint64_t>(static_cast<double>(frac) * (static_cast<double>(unit->ns) / scale));
      if (value > kLimit) return invalid();
    }
    total += value;
    if (total > kLimit) return invalid();
  }
  if (neg) return static_cast<Duration>(0 - total);  // two's complement: 2^63 becomes MinInt64
  if (total > kLimit - 1) return invalid();
  return static_cast<Duration>(total);
}

std::string FormatGoDuration(Duration d) {
  if (d == 0) return "0s";
  bool neg = d < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  // `v` written with `digits` decimals, trailing zeros (and a bare point) dropped.
  auto fixed = [](uint64_t v, int digits) {
    uint64_t pow = 1;
    for (int k = 0; k < digits; ++k) pow *= 10;
    std::string s = std::to_string(v / pow);
    uint64_t f = v % pow;
    if (f != 0) {
      std::string fs = std::to_string(f);
      fs = std::string(static_cast<size_t>(digits) - fs.size(), '0') + fs;
      while (fs.back() == '0') fs.pop_back();
      s += "." + fs;
    }
    return s;
  };
  std::string out;
  if (u < 1000000000ULL) {
    // Under a second Go picks the largest unit that keeps an integer part.
    if (u < 1000) out = std::to_string(u) + "ns";
    else if (u < 1000000) out = fixed(u, 3) + "\xc2\xb5s";
    else out = fixed(u, 6) + "ms";
  } else {
    uint64_t hours = u / 3600000000000ULL;
    uint64_t rem = u % 3600000000000ULL;
    uint64_t minutes = rem / 60000000000ULL;
    std::string secs = fixed(rem % 60000000000ULL, 9) + "s";
    if (hours > 0) out = std::to_string(hours) + "h" + std::to_string(minutes) + "m" + secs;
    else if (minutes > 0) out = std::to_string(minutes) + "m" + secs;
    else out = secs;
  }
  return neg ? "-" + out : out;
}

}  // namespace swarmsim
