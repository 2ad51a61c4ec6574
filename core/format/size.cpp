#include "core/format/size.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace swarmsim {

namespace {

std::string CustomSize(double size, double base, const char* const* units, int count) {
  int i = 0;
  while (size >= base && i < count - 1) {
    size /= base;
    ++i;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g%s", size, units[i]);
  return buf;
}

// Go's strconv.ParseFloat for the decimal forms a size can take ("1.5", "-2", "1e3"):
// no leading space, hex, "inf" or "nan", which strtod would accept.
bool ParseDecimal(const std::string& num, double* out) {
  if (num.empty()) return false;
  for (char c : num) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E')) {
      return false;
    }
  }
  char* end = nullptr;
  *out = std::strtod(num.c_str(), &end);
  return end != nullptr && *end == '\0' && end != num.c_str();
}

}  // namespace

namespace {

// go-units parseSize: a number, an optional space, then k/m/g/t/p with optional
// "i" and "b", case-insensitive; `base` is 1000 or 1024.
Result<int64_t> ParseSize(const std::string& text, double base) {
  size_t sep = text.find_last_of("0123456789. ");
  if (sep == std::string::npos) return Status::InvalidArgument("invalid size: '" + text + "'");
  std::string num = text[sep] == ' ' ? text.substr(0, sep) : text.substr(0, sep + 1);
  std::string sfx = text.substr(sep + 1);
  double size = 0;
  if (!ParseDecimal(num, &size)) {
    return Status::InvalidArgument("strconv.ParseFloat: parsing \"" + num + "\": invalid syntax");
  }
  if (size < 0) return Status::InvalidArgument("invalid size: '" + text + "'");
  if (sfx.empty()) return static_cast<int64_t>(size);
  auto bad = [&] { return Status::InvalidArgument("invalid suffix: '" + sfx + "'"); };
  if (sfx.size() > 3) return bad();  // go-units quotes a long suffix before lower-casing it
  for (auto& c : sfx) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sfx[0] == 'b') {
    if (sfx.size() > 1) return bad();
    return static_cast<int64_t>(size);
  }
  double mul = 0;
  switch (sfx[0]) {
    case 'k': mul = base; break;
    case 'm': mul = base * base; break;
    case 'g': mul = base * base * base; break;
    case 't': mul = base * base * base * base; break;
    case 'p': mul = base * base * base * base * base; break;
    default: return bad();
  }
  if (sfx.size() == 2 && sfx[1] != 'b') return bad();
  if (sfx.size() == 3 && sfx.substr(1) != "ib") return bad();
  return static_cast<int64_t>(size * mul);
}

}  // namespace

Result<int64_t> ParseRAMInBytes(const std::string& text) { return ParseSize(text, 1024.0); }
Result<int64_t> ParseHumanSize(const std::string& text) { return ParseSize(text, 1000.0); }

std::string BytesSize(double bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  return CustomSize(bytes, 1024.0, kUnits, 9);
}

std::string HumanSize(double bytes) {
  static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  return CustomSize(bytes, 1000.0, kUnits, 9);
}

}  // namespace swarmsim
