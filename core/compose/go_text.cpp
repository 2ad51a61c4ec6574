#include "core/compose/go_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace swarmsim::compose {

std::string GoQuote(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  out += "\"";
  return out;
}

namespace {

// The shortest "d.ddde+XX" that reads back as the same float (bits 32) or double:
// the fewest significant digits, correctly rounded, that round-trip. (printf and
// strtod rather than floating std::to_chars, which the browser build's libc++ lacks.)
std::string ShortestScientific(double v, int bits) {
  char buf[64];
  int max_digits = bits == 32 ? 9 : 17;  // always enough to round-trip
  for (int digits = 1; digits < max_digits; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    bool same = bits == 32 ? std::strtof(buf, nullptr) == static_cast<float>(v) : std::strtod(buf, nullptr) == v;
    if (same) return buf;
  }
  std::snprintf(buf, sizeof buf, "%.*e", max_digits - 1, v);
  return buf;
}

}  // namespace

std::string GoFormatFloat(double v, int bits) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  std::string sci = ShortestScientific(v, bits);
  bool neg = false;
  if (sci[0] == '-') {
    neg = true;
    sci = sci.substr(1);
  }
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mant) {
    if (c != '.') digits.push_back(c);
  }
  int nd = static_cast<int>(digits.size());
  int dp = exp + 1;  // position of the decimal point relative to the digits
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 6) {
    out += digits[0];
    if (nd > 1) out += "." + digits.substr(1);
    out += 'e';
    out += exp < 0 ? '-' : '+';
    int ae = exp < 0 ? -exp : exp;
    if (ae < 10) out += '0';
    out += std::to_string(ae);
    return out;
  }
  if (dp <= 0) {
    out += "0." + std::string(-dp, '0') + digits;
  } else if (dp >= nd) {
    out += digits + std::string(dp - nd, '0');
  } else {
    out += digits.substr(0, dp) + "." + digits.substr(dp);
  }
  return out;
}

}  // namespace swarmsim::compose
