#include "core/format/time_format.h"

#include <cstdio>
#include <cstdlib>

namespace swarmsim {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

struct Civil {
  int64_t year;
  unsigned month, day, hour, minute, second;
  int64_t nanos;
};

Civil Split(Time t) {
  int64_t secs = t / kSecond;
  int64_t nanos = t % kSecond;
  if (nanos < 0) {
    nanos += kSecond;
    --secs;
  }
  int64_t days = secs / 86400;
  int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  Civil c;
  CivilFromDays(days, &c.year, &c.month, &c.day);
  c.hour = static_cast<unsigned>(rem / 3600);
  c.minute = static_cast<unsigned>(rem / 60 % 60);
  c.second = static_cast<unsigned>(rem % 60);
  c.nanos = nanos;
  return c;
}

// ".478803" for 478803000 ns; "" for 0.
std::string Fraction(int64_t nanos) {
  if (nanos == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(nanos));
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  return s;
}

bool Digits(const std::string& s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Writes `v` as exactly `width` decimal digits ending before `end`.
void PutDigits(char* end, unsigned v, int width) {
  for (int i = 0; i < width; ++i, v /= 10) *--end = static_cast<char>('0' + v % 10);
}

}  // namespace

// Every stored object carries two of these (100,000 nodes or tasks are one
// command), so the common case is written digit by digit rather than by snprintf.
std::string FormatRFC3339Nano(Time t) {
  Civil c = Split(t);
  if (c.year < 0 || c.year > 9999) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02u", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buf + Fraction(c.nanos) + "Z";
  }
  std::string out = "0000-00-00T00:00:00";
  PutDigits(&out[4], static_cast<unsigned>(c.year), 4);
  PutDigits(&out[7], c.month, 2);
  PutDigits(&out[10], c.day, 2);
  PutDigits(&out[13], c.hour, 2);
  PutDigits(&out[16], c.minute, 2);
  PutDigits(&out[19], c.second, 2);
  if (c.nanos != 0) {
    std::string frac = ".000000000";
    PutDigits(&frac[10], static_cast<unsigned>(c.nanos), 9);
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  out += 'Z';
  return out;
}

std::string FormatGoTime(Time t) {
  Civil c = Split(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02u:%02u:%02u", static_cast<long long>(c.year), c.month, c.day,
                c.hour, c.minute, c.second);
  return buf + Fraction(c.nanos) + " +0000 UTC";
}

std::string FormatPrettyTime(Time t) {
  std::string s = FormatGoTime(t);
  s.replace(s.size() - 3, 3, "utc");
  return s;
}

Result<Time> ParseRFC3339(const std::string& s) {
  auto bad = [&] { return Status::InvalidArgument("invalid RFC 3339 time \"" + s + "\""); };
  int y, mo, d, h, mi, sec;
  if (s.size() < 20 || !Digits(s, 0, 4, &y) || s[4] != '-' || !Digits(s, 5, 2, &mo) || s[7] != '-' ||
      !Digits(s, 8, 2, &d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !Digits(s, 11, 2, &h) ||
      s[13] != ':' || !Digits(s, 14, 2, &mi) || s[16] != ':' || !Digits(s, 17, 2, &sec)) {
    return bad();
  }
  // Go checks each field's range, the day against its month (leap years too), and
  // has no leap seconds.
  if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return bad();
  size_t i = 19;
  int64_t nanos = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (digits < 9) {
        nanos = nanos * 10 + (s[i] - '0');
        ++digits;
      }
      ++i;
    }
    if (digits == 0) return bad();
    while (digits++ < 9) nanos *= 10;
  }
  int64_t offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om;
    if (!Digits(s, i + 1, 2, &oh) || s.size() < i + 6 || s[i + 3] != ':' || !Digits(s, i + 4, 2, &om)) return bad();
    if (oh > 23 || om > 59) return bad();
    offset = (oh * 3600 + om * 60) * (s[i] == '+' ? 1 : -1);
    i += 6;
  } else {
    return bad();
  }
  if (i != s.size()) return bad();
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset;
  return secs * kSecond + nanos;
}

}  // namespace swarmsim
