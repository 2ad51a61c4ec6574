#include "core/format/env_file.h"

namespace swarmsim {

namespace {

// utf8.Valid: well-formed UTF-8, no surrogates, no overlong forms.
bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n;
  }
  return true;
}

// Go's %v of a []byte: "[104 105]".
std::string GoBytes(const std::string& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i) {
    out += (i ? " " : "") + std::to_string(static_cast<unsigned char>(s[i]));
  }
  return out + "]";
}

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

Result<std::vector<std::string>> ParseEnvFile(
    const std::string& content, const std::function<std::optional<std::string>(const std::string&)>& lookup) {
  std::vector<std::string> out;
  size_t start = 0;
  for (int number = 1; start < content.size(); ++number) {
    // bufio.Scanner's lines: split at \n, a \r before it dropped.
    size_t end = content.find('\n', start);
    std::string line = content.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? content.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!ValidUtf8(line)) {
      return Status::InvalidArgument("invalid utf8 bytes at line " + std::to_string(number) + ": " + GoBytes(line));
    }
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
    size_t first = 0;
    while (first < line.size() && IsSpace(static_cast<unsigned char>(line[first]))) ++first;
    line = line.substr(first);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    std::string key = line.substr(0, eq);
    if (key.empty()) return Status::InvalidArgument("no variable name on line '" + line + "'");
    if (key.find_first_of(" \t") != std::string::npos) {
      return Status::InvalidArgument("variable '" + key + "' contains whitespaces");
    }
    if (eq != std::string::npos) {
      out.push_back(line);
    } else if (lookup) {
      if (auto value = lookup(line)) out.push_back(key + "=" + *value);
    }
  }
  return out;
}

Status EnvFileError(const std::string& path, const Status& why) {
  return Status::InvalidArgument("invalid env file (" + path + "): " + why.message());
}

}  // namespace swarmsim
