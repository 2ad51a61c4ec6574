// The emitter keeps libyaml's bookkeeping (column, indentation, whether the
// last output was whitespace or indentation) because yaml.v3's choices of
// spacing, line breaks and folding depend on it.
#include "core/compose/yaml_writer.h"

#include <cstdint>
#include <cstdio>

#include "core/compose/yaml_resolve.h"

namespace swarmsim::compose {

namespace {

int Width(unsigned char c) {
  if ((c & 0x80) == 0) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

unsigned char ByteAt(const std::string& s, size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

bool IsSpace(const std::string& s, size_t i) { return ByteAt(s, i) == ' '; }
bool IsBreak(const std::string& s, size_t i) {
  unsigned char c = ByteAt(s, i);
  return c == '\r' || c == '\n' || (c == 0xC2 && ByteAt(s, i + 1) == 0x85) ||
         (c == 0xE2 && ByteAt(s, i + 1) == 0x80 && (ByteAt(s, i + 2) == 0xA8 || ByteAt(s, i + 2) == 0xA9));
}
bool IsBlank(const std::string& s, size_t i) { return ByteAt(s, i) == ' ' || ByteAt(s, i) == '\t'; }
bool IsBlankZ(const std::string& s, size_t i) { return IsBlank(s, i) || IsBreak(s, i) || i >= s.size(); }
bool IsPrintable(const std::string& s, size_t i) {
  unsigned char b = ByteAt(s, i), b1 = ByteAt(s, i + 1), b2 = ByteAt(s, i + 2);
  return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && b1 >= 0xA0) || (b > 0xC2 && b < 0xED) ||
         (b == 0xED && b1 < 0xA0) || b == 0xEE ||
         (b == 0xEF && !(b1 == 0xBB && b2 == 0xBF) && !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)));
}
bool IsBom(const std::string& s, size_t i) {
  return ByteAt(s, i) == 0xEF && ByteAt(s, i + 1) == 0xBB && ByteAt(s, i + 2) == 0xBF;
}

enum class Style { kPlain, kSingle, kDouble, kLiteral };

struct Analysis {
  bool multiline = false;
  bool flow_plain_allowed = false;
  bool block_plain_allowed = false;
  bool single_quoted_allowed = false;
  bool block_allowed = false;
};

Analysis Analyze(const std::string& value) {
  Analysis a;
  if (value.empty()) {
    a.block_plain_allowed = true;
    a.single_quoted_allowed = true;
    return a;
  }
  bool block_indicators = false, flow_indicators = false, line_breaks = false, special_characters = false;
  bool tab_characters = false, leading_space = false, leading_break = false, trailing_space = false;
  bool trailing_break = false, break_space = false, space_break = false;
  bool previous_space = false, previous_break = false;
  if (value.size() >= 3 && (value.compare(0, 3, "---") == 0 || value.compare(0, 3, "...") == 0)) {
    block_indicators = true;
    flow_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (size_t i = 0; i < value.size();) {
    size_t w = Width(ByteAt(value, i));
    bool followed_by_whitespace = i + w >= value.size() || IsBlank(value, i + w);
    char c = value[i];
    if (i == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|':
        case '>': case '\'': case '"': case '%': case '@': case '`':
          flow_indicators = true;
          block_indicators = true;
          break;
        case '?': case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default: break;
      }
    } else {
      switch (c) {
        case ',': case '?': case '[': case ']': case '{': case '}':
          flow_indicators = true;
          break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default: break;
      }
    }
    if (c == '\t') {
      tab_characters = true;
    } else if (!IsPrintable(value, i)) {
      special_characters = true;
    }
    if (IsSpace(value, i)) {
      if (i == 0) leading_space = true;
      if (i + w == value.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (IsBreak(value, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == value.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = false;
      previous_break = false;
    }
    preceded_by_whitespace = IsBlankZ(value, i);
    i += w;
  }
  a.multiline = line_breaks;
  a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain_allowed = a.block_plain_allowed = false;
  }
  if (trailing_space) a.block_allowed = false;
  if (break_space) a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
  if (space_break || tab_characters || special_characters) {
    a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
  }
  if (space_break || special_characters) a.block_allowed = false;
  if (line_breaks) a.flow_plain_allowed = a.block_plain_allowed = false;
  if (flow_indicators) a.flow_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

bool IsOldBool(const std::string& s) {
  static const char* kWords[] = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
                                 "n", "N", "no", "No", "NO", "off", "Off", "OFF"};
  for (const char* w : kWords) {
    if (s == w) return true;
  }
  return false;
}

// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool IsBase60Float(const std::string& s) {
  if (s.empty()) return false;
  char c0 = s[0];
  if (!(c0 == '+' || c0 == '-' || (c0 >= '0' && c0 <= '9')) || s.find(':') == std::string::npos) return false;
  size_t i = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  if (i >= s.size() || !(s[i] >= '0' && s[i] <= '9')) return false;
  ++i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 2) ++i;
    size_t n = i - start;
    if (n == 0) return false;
    if (n == 2 && s[start] > '5') return false;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')) ++i;
  }
  return i == s.size();
}

enum class Ctx { kRoot, kSeqItem, kMapKey, kMapValue };

class Writer {
 public:
  std::string Run(const YamlOut& doc) {
    Node(doc, Ctx::kRoot);
    // Document end: finish the last line.
    WriteIndent();
    return out_;
  }

 private:
  void Put(char c) {
    out_.push_back(c);
    ++column_;
  }
  void PutBreak() {
    out_.push_back('\n');
    column_ = 0;
    indention_ = true;
  }
  // Copies one (possibly multi-byte) character.
  void Write(const std::string& s, size_t* i) {
    size_t w = Width(ByteAt(s, *i));
    out_.append(s, *i, w);
    ++column_;
    *i += w;
  }
  void WriteBreak(const std::string& s, size_t* i) {
    if (s[*i] == '\n') {
      PutBreak();
      ++*i;
    } else {
      Write(s, i);
      column_ = 0;
      indention_ = true;
    }
  }
  void WriteIndent() {
    int indent = indent_ < 0 ? 0 : indent_;
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) PutBreak();
    while (column_ < indent) Put(' ');
    whitespace_ = true;
  }
  void WriteIndicator(const std::string& indicator, bool need_whitespace, bool is_whitespace, bool is_indention) {
    if (need_whitespace && !whitespace_) Put(' ');
    for (size_t i = 0; i < indicator.size();) Write(indicator, &i);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }
  void IncreaseIndent(bool flow, bool in_sequence_item) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? kBestIndent : 0;
    } else if (in_sequence_item) {
      indent_ += 2;
    } else {
      indent_ = kBestIndent * ((indent_ + kBestIndent) / kBestIndent);
    }
  }
  void PopIndent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  void Node(const YamlOut& n, Ctx ctx) {
    switch (n.kind) {
      case YamlOut::Kind::kMap:
        if (n.entries.empty()) {
          WriteIndicator("{", true, true, false);
          WriteIndicator("}", false, false, false);
          return;
        }
        IncreaseIndent(false, ctx == Ctx::kSeqItem);
        for (const auto& [key, value] : n.entries) {
          WriteIndent();
          Scalar(YamlOut::Str(key), Ctx::kMapKey);
          WriteIndicator(":", false, false, false);
          Node(value, Ctx::kMapValue);
        }
        PopIndent();
        return;
      case YamlOut::Kind::kSeq:
        if (n.items.empty()) {
          WriteIndicator("[", true, true, false);
          WriteIndicator("]", false, false, false);
          return;
        }
        IncreaseIndent(false, ctx == Ctx::kSeqItem);
        for (const auto& item : n.items) {
          WriteIndent();
          WriteIndicator("-", true, false, true);
          Node(item, Ctx::kSeqItem);
        }
        PopIndent();
        return;
      case YamlOut::Kind::kNull:
        Scalar(YamlOut::Num("null"), ctx);
        return;
      default:
        Scalar(n, ctx);
        return;
    }
  }

  // yaml.v3's stringv + libyaml's style selection.
  void Scalar(const YamlOut& n, Ctx ctx) {
    const std::string& value = n.text;
    bool simple_key = ctx == Ctx::kMapKey;
    Style style = Style::kPlain;
    if (n.kind == YamlOut::Kind::kString) {
      bool can_plain = ImplicitTag(value) == "!!str" && !IsBase60Float(value) && !IsOldBool(value);
      if (value.find('\n') != std::string::npos) {
        style = Style::kLiteral;
      } else if (!can_plain) {
        style = Style::kDouble;
      }
    }
    Analysis a = Analyze(value);
    if (simple_key && a.multiline) style = Style::kDouble;
    if (style == Style::kPlain) {
      if (!a.block_plain_allowed) style = Style::kSingle;
      if (value.empty() && simple_key) style = Style::kSingle;
    }
    if (style == Style::kSingle && !a.single_quoted_allowed) style = Style::kDouble;
    if (style == Style::kLiteral && (!a.block_allowed || simple_key)) style = Style::kDouble;

    IncreaseIndent(true, ctx == Ctx::kSeqItem);
    bool allow_breaks = !simple_key;
    switch (style) {
      case Style::kPlain: WritePlain(value, allow_breaks); break;
      case Style::kSingle: WriteSingle(value, allow_breaks); break;
      case Style::kDouble: WriteDouble(value, allow_breaks); break;
      case Style::kLiteral: WriteLiteral(value); break;
    }
    PopIndent();
  }

  void WritePlain(const std::string& value, bool allow_breaks) {
    if (!value.empty() && !whitespace_) Put(' ');
    bool spaces = false;
    bool breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (IsSpace(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && !IsSpace(value, i + 1)) {
          WriteIndent();
          i += 1;
        } else {
          Write(value, &i);
        }
        spaces = true;
      } else if (IsBreak(value, i)) {
        if (!breaks && value[i] == '\n') PutBreak();
        WriteBreak(value, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        Write(value, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    if (!value.empty()) whitespace_ = false;
    indention_ = false;
  }

  void WriteSingle(const std::string& value, bool allow_breaks) {
    WriteIndicator("'", true, false, false);
    bool spaces = false;
    bool breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (IsSpace(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < value.size() - 1 &&
            !IsSpace(value, i + 1)) {
          WriteIndent();
          i += 1;
        } else {
          Write(value, &i);
        }
        spaces = true;
      } else if (IsBreak(value, i)) {
        if (!breaks && value[i] == '\n') PutBreak();
        WriteBreak(value, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        if (value[i] == '\'') Put('\'');
        Write(value, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    WriteIndicator("'", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void WriteDouble(const std::string& value, bool allow_breaks) {
    bool spaces = false;
    WriteIndicator("\"", true, false, false);
    for (size_t i = 0; i < value.size();) {
      unsigned char c = ByteAt(value, i);
      if (!IsPrintable(value, i) || IsBom(value, i) || IsBreak(value, i) || c == '"' || c == '\\') {
        int w = Width(c);
        uint32_t v = w == 1 ? (c & 0x7F) : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < w; ++k) v = (v << 6) + (ByteAt(value, i + k) & 0x3F);
        i += w;
        Put('\\');
        switch (v) {
          case 0x00: Put('0'); break;
          case 0x07: Put('a'); break;
          case 0x08: Put('b'); break;
          case 0x09: Put('t'); break;
          case 0x0A: Put('n'); break;
          case 0x0B: Put('v'); break;
          case 0x0C: Put('f'); break;
          case 0x0D: Put('r'); break;
          case 0x1B: Put('e'); break;
          case 0x22: Put('"'); break;
          case 0x5C: Put('\\'); break;
          case 0x85: Put('N'); break;
          case 0xA0: Put('_'); break;
          case 0x2028: Put('L'); break;
          case 0x2029: Put('P'); break;
          default: {
            int digits;
            if (v <= 0xFF) {
              Put('x');
              digits = 2;
            } else if (v <= 0xFFFF) {
              Put('u');
              digits = 4;
            } else {
              Put('U');
              digits = 8;
            }
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
              int d = (v >> k) & 0x0F;
              Put(static_cast<char>(d < 10 ? '0' + d : 'A' + d - 10));
            }
          }
        }
        spaces = false;
      } else if (IsSpace(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < value.size() - 1) {
          WriteIndent();
          if (IsSpace(value, i + 1)) Put('\\');
          i += 1;
        } else {
          Write(value, &i);
        }
        spaces = true;
      } else {
        Write(value, &i);
        spaces = false;
      }
    }
    WriteIndicator("\"", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void WriteLiteral(const std::string& value) {
    WriteIndicator("|", true, false, false);
    // Block scalar hints.
    if (IsSpace(value, 0) || IsBreak(value, 0)) {
      WriteIndicator(std::string(1, static_cast<char>('0' + kBestIndent)), false, false, false);
    }
    std::string chomp;
    if (value.empty()) {
      chomp = "-";
    } else {
      size_t i = value.size() - 1;
      while (i > 0 && (ByteAt(value, i) & 0xC0) == 0x80) --i;
      if (!IsBreak(value, i)) {
        chomp = "-";
      } else if (i == 0) {
        chomp = "+";
      } else {
        --i;
        while (i > 0 && (ByteAt(value, i) & 0xC0) == 0x80) --i;
        if (IsBreak(value, i)) chomp = "+";
      }
    }
    if (!chomp.empty()) WriteIndicator(chomp, false, false, false);
    whitespace_ = true;
    bool breaks = true;
    for (size_t i = 0; i < value.size();) {
      if (IsBreak(value, i)) {
        WriteBreak(value, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        Write(value, &i);
        indention_ = false;
        breaks = false;
      }
    }
  }

  static constexpr int kBestIndent = 2;
  // yaml.v3 leaves the width unset, which libyaml takes as "never fold".
  static constexpr int kBestWidth = 2147483647;

  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
};

bool IsLetter(uint32_t r) { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r >= 0xC0; }
bool IsDigitRune(uint32_t r) { return r >= '0' && r <= '9'; }

std::vector<uint32_t> Runes(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = ByteAt(s, i);
    int w = Width(c);
    uint32_t v = w == 1 ? c : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < w; ++k) v = (v << 6) + (ByteAt(s, i + k) & 0x3F);
    out.push_back(v);
    i += w;
  }
  return out;
}

}  // namespace

std::string WriteYaml(const YamlOut& doc) { return Writer().Run(doc); }

bool YamlKeyLess(const std::string& a_text, const std::string& b_text) {
  std::vector<uint32_t> ar = Runes(a_text), br = Runes(b_text);
  bool digits = false;
  for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
    if (ar[i] == br[i]) {
      digits = IsDigitRune(ar[i]);
      continue;
    }
    bool al = IsLetter(ar[i]);
    bool bl = IsLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    int64_t an = 0, bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      for (size_t j = i; j-- > 0 && IsDigitRune(ar[j]);) {
        if (ar[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    for (; ai < ar.size() && IsDigitRune(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
    for (; bi < br.size() && IsDigitRune(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.size() < br.size();
}

}  // namespace swarmsim::compose
