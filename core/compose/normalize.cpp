#include "core/compose/normalize.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/compose/go_text.h"

namespace swarmsim::compose {

namespace {

// strconv.ParseFloat over the characters go-units hands it (digits, '.', ' ').
bool ParseDecimal(const std::string& s, double* out) {
  if (s.empty()) return false;
  size_t i = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  bool digits = false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  if (!digits) return false;
  *out = std::strtod(s.c_str(), nullptr);
  return true;
}

}  // namespace

Result<int64_t> RamInBytes(const std::string& text) {
  size_t sep = text.find_last_of("0123456789. ");
  if (sep == std::string::npos) return Status::InvalidArgument("invalid size: '" + text + "'");
  std::string num = text[sep] != ' ' ? text.substr(0, sep + 1) : text.substr(0, sep);
  std::string sfx = text.substr(sep + 1);
  double size = 0;
  if (!ParseDecimal(num, &size)) {
    return Status::InvalidArgument("strconv.ParseFloat: parsing " + GoQuote(num) + ": invalid syntax");
  }
  if (size < 0) return Status::InvalidArgument("invalid size: '" + text + "'");
  if (sfx.empty()) return static_cast<int64_t>(size);
  auto bad = [](const std::string& s) { return Status::InvalidArgument("invalid suffix: '" + s + "'"); };
  if (sfx.size() > 3) return bad(sfx);
  for (auto& c : sfx) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sfx[0] == 'b') {
    if (sfx.size() > 1) return bad(sfx);
    return static_cast<int64_t>(size);
  }
  double mul = 0;
  switch (sfx[0]) {
    case 'k': mul = 1024.0; break;
    case 'm': mul = 1024.0 * 1024; break;
    case 'g': mul = 1024.0 * 1024 * 1024; break;
    case 't': mul = 1024.0 * 1024 * 1024 * 1024; break;
    case 'p': mul = 1024.0 * 1024 * 1024 * 1024 * 1024; break;
    default: return bad(sfx);
  }
  if ((sfx.size() == 2 && sfx[1] != 'b') || (sfx.size() == 3 && sfx.substr(1) != "ib")) return bad(sfx);
  return static_cast<int64_t>(size * mul);
}

Result<std::vector<std::string>> ShellSplit(const std::string& text) {
  enum State { kStart, kWord, kEscaping, kEscapingQuoted, kQuotingEscaping, kQuoting, kComment };
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::vector<std::string> words;
  State state = kStart;
  std::string value;
  bool is_comment = false;
  auto emit = [&] {
    if (!is_comment) words.push_back(value);
    value.clear();
    is_comment = false;
    state = kStart;
  };
  for (size_t i = 0; i <= text.size(); ++i) {
    bool eof = i == text.size();
    char c = eof ? '\0' : text[i];
    switch (state) {
      case kStart:
        if (eof) return words;
        if (is_space(c)) break;
        if (c == '"') {
          state = kQuotingEscaping;
        } else if (c == '\'') {
          state = kQuoting;
        } else if (c == '\\') {
          state = kEscaping;
        } else if (c == '#') {
          is_comment = true;
          state = kComment;
        } else {
          value.push_back(c);
          state = kWord;
        }
        break;
      case kWord:
        if (eof || is_space(c)) {
          emit();
          if (eof) return words;
        } else if (c == '"') {
          state = kQuotingEscaping;
        } else if (c == '\'') {
          state = kQuoting;
        } else if (c == '\\') {
          state = kEscaping;
        } else {
          value.push_back(c);
        }
        break;
      case kEscaping:
        if (eof) return Status::InvalidArgument("EOF found after escape character");
        value.push_back(c);
        state = kWord;
        break;
      case kEscapingQuoted:
        if (eof) return Status::InvalidArgument("EOF found after escape character");
        value.push_back(c);
        state = kQuotingEscaping;
        break;
      case kQuotingEscaping:
        if (eof) return Status::InvalidArgument("EOF found when expecting closing quote");
        if (c == '"') {
          state = kWord;
        } else if (c == '\\') {
          state = kEscapingQuoted;
        } else {
          value.push_back(c);
        }
        break;
      case kQuoting:
        if (eof) return Status::InvalidArgument("EOF found when expecting closing quote");
        if (c == '\'') {
          state = kWord;
        } else {
          value.push_back(c);
        }
        break;
      case kComment:
        if (eof) {
          emit();
          return words;
        }
        if (c == '\n') {
          emit();
        } else {
          value.push_back(c);
        }
        break;
    }
  }
  return words;
}

namespace {

bool IsLetter(unsigned char c) { return std::isalpha(c) != 0; }

bool IsWindowsDrive(const std::string& buffer, char c) {
  return c == ':' && buffer.size() == 1 && IsLetter(static_cast<unsigned char>(buffer[0]));
}

bool IsBindOption(const std::string& o) {
  return o == "rprivate" || o == "private" || o == "rshared" || o == "shared" || o == "rslave" || o == "slave";
}

bool IsFilePath(const std::string& source) {
  char c = source[0];
  if (c == '.' || c == '/' || c == '~') return true;
  if (source.size() == 1) return false;
  if (source.rfind("\\\\", 0) == 0) return true;
  return source.size() > 1 && IsWindowsDrive(std::string(1, source[0]), source[1]);
}

void PopulateType(ComposeMount* m) {
  if (m->source.empty()) {
    m->type = "volume";
  } else if (IsFilePath(m->source)) {
    m->type = "bind";
  } else {
    m->type = "volume";
  }
}

}  // namespace

Result<ComposeMount> ParseVolumeSpec(const std::string& spec) {
  ComposeMount m;
  if (spec.empty()) return Status::InvalidArgument("invalid empty volume spec");
  if (spec.size() <= 2) {
    m.target = spec;
    m.type = "volume";
    return m;
  }
  std::string buffer;
  std::string with_end = spec + '\0';
  for (size_t i = 0; i < with_end.size(); ++i) {
    char c = with_end[i];
    bool end = i + 1 == with_end.size();
    if (!end && IsWindowsDrive(buffer, c)) {
      buffer.push_back(c);
    } else if (c == ':' || end) {
      std::string err;
      if (buffer.empty()) {
        err = "empty section between colons";
      } else if (m.source.empty() && end) {
        m.target = buffer;
      } else if (m.source.empty()) {
        m.source = buffer;
      } else if (m.target.empty()) {
        m.target = buffer;
      } else if (c == ':') {
        err = "too many colons";
      } else {
        size_t start = 0;
        for (;;) {
          size_t comma = buffer.find(',', start);
          std::string option = buffer.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
          if (option == "ro") {
            m.read_only = true;
          } else if (option == "rw") {
            m.read_only = false;
          } else if (option == "nocopy") {
            m.volume_nocopy = true;
          } else if (IsBindOption(option)) {
            m.bind_propagation = option;
          }
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
      if (!err.empty()) return Status::InvalidArgument("invalid spec: " + spec + ": " + err);
      buffer.clear();
    } else {
      buffer.push_back(c);
    }
  }
  PopulateType(&m);
  return m;
}

std::string CleanPath(const std::string& path) {
  if (path.empty()) return ".";
  bool rooted = path[0] == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t slash = path.find('/', i);
    std::string part = path.substr(i, slash == std::string::npos ? std::string::npos : slash - i);
    i = slash == std::string::npos ? path.size() : slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back("..");
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += "/";
    out += parts[k];
  }
  if (out.empty()) return ".";
  return out;
}

std::string JoinPath(const std::string& dir, const std::string& file) {
  if (dir.empty() && file.empty()) return "";
  if (dir.empty()) return CleanPath(file);
  if (file.empty()) return CleanPath(dir);
  return CleanPath(dir + "/" + file);
}

std::string DirPath(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  return CleanPath(dir);
}

}  // namespace swarmsim::compose
