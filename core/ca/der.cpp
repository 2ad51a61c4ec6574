#include "core/ca/der.h"

#include <vector>

#include "core/format/time_format.h"

namespace swarmsim {

std::string DerElement(uint8_t tag, std::string_view contents) {
  std::string out(1, static_cast<char>(tag));
  size_t len = contents.size();
  if (len < 0x80) {
    out.push_back(static_cast<char>(len));
  } else {
    std::string bytes;
    for (size_t l = len; l > 0; l >>= 8) bytes.insert(bytes.begin(), static_cast<char>(l & 0xff));
    out.push_back(static_cast<char>(0x80 | bytes.size()));
    out += bytes;
  }
  out += contents;
  return out;
}

std::string DerSequence(std::string_view contents) { return DerElement(0x30, contents); }
std::string DerSet(std::string_view contents) { return DerElement(0x31, contents); }

std::string DerUnsignedInteger(std::string_view big_endian) {
  size_t skip = 0;
  while (skip + 1 < big_endian.size() && big_endian[skip] == '\0') ++skip;
  std::string magnitude(big_endian.substr(skip));
  if (magnitude.empty()) magnitude.push_back('\0');
  if (static_cast<unsigned char>(magnitude[0]) & 0x80) magnitude.insert(magnitude.begin(), '\0');
  return DerElement(0x02, magnitude);
}

std::string DerSmallInteger(int64_t value) {
  std::string bytes;
  for (int s = 56; s >= 0; s -= 8) bytes.push_back(static_cast<char>((value >> s) & 0xff));
  return DerUnsignedInteger(bytes);
}

std::string DerOid(std::string_view dotted) {
  std::vector<uint64_t> arcs(1, 0);
  for (char c : dotted) {
    if (c == '.') arcs.push_back(0);
    else arcs.back() = arcs.back() * 10 + static_cast<uint64_t>(c - '0');
  }
  std::vector<uint64_t> subids;
  subids.push_back(arcs[0] * 40 + (arcs.size() > 1 ? arcs[1] : 0));
  for (size_t i = 2; i < arcs.size(); ++i) subids.push_back(arcs[i]);
  std::string contents;
  for (uint64_t id : subids) {
    std::string base128(1, static_cast<char>(id & 0x7f));
    for (id >>= 7; id > 0; id >>= 7) base128.insert(base128.begin(), static_cast<char>(0x80 | (id & 0x7f)));
    contents += base128;
  }
  return DerElement(0x06, contents);
}

std::string DerBoolean(bool value) { return DerElement(0x01, std::string(1, value ? '\xff' : '\0')); }

std::string DerBitString(std::string_view bytes) { return DerElement(0x03, std::string(1, '\0') + std::string(bytes)); }

std::string DerOctetString(std::string_view bytes) { return DerElement(0x04, bytes); }

std::string DerPrintableString(std::string_view text) { return DerElement(0x13, text); }

std::string DerTime(Time t) {
  // "2026-01-05T08:55:00Z" (whole seconds print without a fraction).
  std::string iso = FormatRFC3339Nano(t - ((t % kSecond) + kSecond) % kSecond);
  std::string digits;
  for (char c : iso.substr(0, 19)) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  int year = std::stoi(digits.substr(0, 4));
  if (year >= 1950 && year <= 2049) return DerElement(0x17, digits.substr(2) + "Z");
  return DerElement(0x18, digits + "Z");
}

std::string DerExplicit(int n, std::string_view element) {
  return DerElement(static_cast<uint8_t>(0xa0 | n), element);
}

}  // namespace swarmsim
