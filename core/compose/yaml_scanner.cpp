// libyaml's scanner in our own structure: simple keys, indentation levels and
// the token queue follow its rules because docker's error messages and line
// numbers come from them.
#include "core/compose/yaml_scanner.h"

#include <deque>
#include <map>
#include <vector>

#include "core/format/hex.h"

namespace swarmsim::compose {

namespace {

// Characters. The input is padded with NULs so look-ahead never leaves it.

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAlpha(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}
int Utf8Width(unsigned char c) {
  if ((c & 0x80) == 0) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

struct SimpleKey {
  bool possible = false;
  bool required = false;
  int64_t token_number = 0;
  Mark mark;
};
}  // namespace

class YamlScanner::Impl {
 public:
  explicit Impl(const std::string& text) : buf_(text) { buf_.append(8, '\0'); }

  // The next token, fetching as libyaml does; nullptr on error.
  const Token* Peek() {
    if (!token_available_ && !FetchMoreTokens()) return nullptr;
    return &tokens_.front();
  }
  void Skip() {
    token_available_ = false;
    ++tokens_parsed_;
    tokens_.pop_front();
  }
  const SyntaxError& error() const { return error_; }

 private:
  char At(int k = 0) const {
    size_t p = pos_ + static_cast<size_t>(k);
    return p < buf_.size() ? buf_[p] : '\0';
  }
  // Byte offset of the k-th character ahead (k in characters).
  size_t Ahead(int k) const {
    size_t p = pos_;
    for (int i = 0; i < k && p < buf_.size(); ++i) p += Utf8Width(static_cast<unsigned char>(buf_[p]));
    return p;
  }
  char AtChar(int k) const {
    size_t p = Ahead(k);
    return p < buf_.size() ? buf_[p] : '\0';
  }
  bool IsBreakAt(size_t p) const {
    char c = p < buf_.size() ? buf_[p] : '\0';
    if (c == '\r' || c == '\n') return true;
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0xC2 && p + 1 < buf_.size() && static_cast<unsigned char>(buf_[p + 1]) == 0x85) return true;
    if (u == 0xE2 && p + 2 < buf_.size() && static_cast<unsigned char>(buf_[p + 1]) == 0x80 &&
        (static_cast<unsigned char>(buf_[p + 2]) == 0xA8 || static_cast<unsigned char>(buf_[p + 2]) == 0xA9)) {
      return true;
    }
    return false;
  }
  bool IsBreak(int k = 0) const { return IsBreakAt(Ahead(k)); }
  bool IsZ(int k = 0) const { return AtChar(k) == '\0'; }
  bool IsBlankZ(int k = 0) const { return IsBlank(AtChar(k)) || IsBreak(k) || IsZ(k); }
  bool IsBreakZ(int k = 0) const { return IsBreak(k) || IsZ(k); }

  void SkipChar() {
    if (!IsBlank(At())) newlines_ = 0;
    ++mark_.index;
    ++mark_.column;
    pos_ += Utf8Width(static_cast<unsigned char>(At()));
  }
  void SkipLine() {
    if (At() == '\r' && At(1) == '\n') {
      mark_.index += 2;
      pos_ += 2;
    } else if (IsBreak()) {
      ++mark_.index;
      pos_ += Utf8Width(static_cast<unsigned char>(At()));
    } else {
      return;
    }
    mark_.column = 0;
    ++mark_.line;
    ++newlines_;
  }
  void Read(std::string* s) {
    if (!IsBlank(At())) newlines_ = 0;
    int w = Utf8Width(static_cast<unsigned char>(At()));
    s->append(buf_, pos_, w);
    pos_ += w;
    ++mark_.index;
    ++mark_.column;
  }
  // Reads one line break into *s, normalised to '\n' (LS/PS are kept).
  void ReadLine(std::string* s) {
    unsigned char c = static_cast<unsigned char>(At());
    if (c == '\r' && At(1) == '\n') {
      s->push_back('\n');
      pos_ += 2;
      ++mark_.index;
    } else if (c == '\r' || c == '\n') {
      s->push_back('\n');
      pos_ += 1;
    } else if (c == 0xC2 && static_cast<unsigned char>(At(1)) == 0x85) {
      s->push_back('\n');
      pos_ += 2;
    } else if (c == 0xE2 && static_cast<unsigned char>(At(1)) == 0x80 &&
               (static_cast<unsigned char>(At(2)) == 0xA8 || static_cast<unsigned char>(At(2)) == 0xA9)) {
      s->append(buf_, pos_, 3);
      pos_ += 3;
    } else {
      return;
    }
    ++mark_.index;
    mark_.column = 0;
    ++mark_.line;
    ++newlines_;
  }

  bool Fail(const std::string& context, Mark context_mark, const std::string& problem) {
    error_.set = true;
    error_.from_scanner = true;
    error_.context = context;
    error_.context_mark = context_mark;
    error_.problem = problem;
    error_.problem_mark = mark_;
    return false;
  }

  int64_t NextTokenNumber() const { return tokens_parsed_ + static_cast<int64_t>(tokens_.size()); }

  void InsertToken(int64_t pos, Token t) {
    if (pos < 0) {
      tokens_.push_back(std::move(t));
    } else {
      tokens_.insert(tokens_.begin() + pos, std::move(t));
    }
  }

  bool FetchMoreTokens() {
    for (;;) {
      if (tokens_.size() > 2 || (stream_end_fetched_ && !tokens_.empty())) {
        auto it = simple_keys_by_tok_.find(tokens_parsed_);
        if (it == simple_keys_by_tok_.end()) break;
        bool valid = false;
        if (!SimpleKeyIsValid(&simple_keys_[it->second], &valid)) return false;
        if (!valid) break;
        if (stream_end_fetched_) break;
      }
      if (!FetchNextToken()) return false;
    }
    token_available_ = true;
    return true;
  }

  bool SimpleKeyIsValid(SimpleKey* key, bool* valid) {
    *valid = false;
    if (!key->possible) return true;
    if (key->mark.line < mark_.line || key->mark.index + 1024 < mark_.index) {
      if (key->required) return Fail("while scanning a simple key", key->mark, "could not find expected ':'");
      key->possible = false;
      return true;
    }
    *valid = true;
    return true;
  }

  bool SaveSimpleKey() {
    bool required = flow_level_ == 0 && indent_ == mark_.column;
    if (simple_key_allowed_) {
      SimpleKey key;
      key.possible = true;
      key.required = required;
      key.token_number = NextTokenNumber();
      key.mark = mark_;
      if (!RemoveSimpleKey()) return false;
      simple_keys_.back() = key;
      simple_keys_by_tok_[key.token_number] = simple_keys_.size() - 1;
    }
    return true;
  }

  bool RemoveSimpleKey() {
    SimpleKey& key = simple_keys_.back();
    if (key.possible) {
      if (key.required) return Fail("while scanning a simple key", key.mark, "could not find expected ':'");
      key.possible = false;
      simple_keys_by_tok_.erase(key.token_number);
    }
    return true;
  }

  // libyaml's nesting limit, which also bounds the parser's recursion.
  static constexpr int kMaxDepth = 10000;

  bool IncreaseFlowLevel() {
    SimpleKey key;
    key.token_number = NextTokenNumber();
    key.mark = mark_;
    simple_keys_.push_back(key);
    ++flow_level_;
    if (flow_level_ > kMaxDepth) {
      return Fail("while increasing flow level", simple_keys_.back().mark,
                  "exceeded max depth of " + std::to_string(kMaxDepth));
    }
    return true;
  }
  void DecreaseFlowLevel() {
    if (flow_level_ > 0) {
      --flow_level_;
      simple_keys_by_tok_.erase(simple_keys_.back().token_number);
      simple_keys_.pop_back();
    }
  }

  // `number` is the absolute token number to insert before, or -1 to append.
  bool RollIndent(int column, int64_t number, TokenType type, Mark mark) {
    if (flow_level_ > 0) return true;
    if (indent_ < column) {
      indents_.push_back(indent_);
      indent_ = column;
      if (static_cast<int>(indents_.size()) > kMaxDepth) {
        return Fail("while increasing indent level", simple_keys_.back().mark,
                    "exceeded max depth of " + std::to_string(kMaxDepth));
      }
      Token t;
      t.type = type;
      t.start = t.end = mark;
      InsertToken(number > -1 ? number - tokens_parsed_ : -1, std::move(t));
    }
    return true;
  }

  void UnrollIndent(int column, Mark scan_mark) {
    if (flow_level_ > 0) return;
    Mark block_mark = scan_mark;
    --block_mark.index;
    while (indent_ > column) {
      Token t;
      t.type = TokenType::kBlockEnd;
      t.start = t.end = block_mark;
      InsertToken(-1, std::move(t));
      indent_ = indents_.back();
      indents_.pop_back();
    }
  }

  bool FetchNextToken() {
    if (!stream_start_produced_) {
      indent_ = -1;
      simple_keys_.push_back(SimpleKey());
      simple_key_allowed_ = true;
      stream_start_produced_ = true;
      Token t;
      t.type = TokenType::kStreamStart;
      t.start = t.end = mark_;
      InsertToken(-1, std::move(t));
      return true;
    }
    Mark scan_mark = mark_;
    if (!ScanToNextToken()) return false;
    UnrollIndent(mark_.column, scan_mark);

    if (IsZ()) return FetchStreamEnd();
    if (mark_.column == 0 && At() == '%') return FetchDirective();
    if (mark_.column == 0 && At() == '-' && At(1) == '-' && At(2) == '-' && IsBlankZ(3)) {
      return FetchDocumentIndicator(TokenType::kDocumentStart);
    }
    if (mark_.column == 0 && At() == '.' && At(1) == '.' && At(2) == '.' && IsBlankZ(3)) {
      return FetchDocumentIndicator(TokenType::kDocumentEnd);
    }

    bool ok = Dispatch();
    if (ok && !tokens_.empty() && tokens_.back().type != TokenType::kBlockEntry) SkipLineComment();
    return ok;
  }

  bool Dispatch() {
    char c = At();
    if (c == '[') return FetchFlowCollectionStart(TokenType::kFlowSequenceStart);
    if (c == '{') return FetchFlowCollectionStart(TokenType::kFlowMappingStart);
    if (c == ']') return FetchFlowCollectionEnd(TokenType::kFlowSequenceEnd);
    if (c == '}') return FetchFlowCollectionEnd(TokenType::kFlowMappingEnd);
    if (c == ',') return FetchFlowEntry();
    if (c == '-' && IsBlankZ(1)) return FetchBlockEntry();
    if (c == '?' && (flow_level_ > 0 || IsBlankZ(1))) return FetchKey();
    if (c == ':' && (flow_level_ > 0 || IsBlankZ(1))) return FetchValue();
    if (c == '*') return FetchAnchor(TokenType::kAlias);
    if (c == '&') return FetchAnchor(TokenType::kAnchor);
    if (c == '!') return FetchTag();
    if (c == '|' && flow_level_ == 0) return FetchBlockScalar(true);
    if (c == '>' && flow_level_ == 0) return FetchBlockScalar(false);
    if (c == '\'') return FetchFlowScalar(true);
    if (c == '"') return FetchFlowScalar(false);

    static const std::string kIndicators = "-?:,[]{}#&*!|>'\"%@`";
    bool plain = !(IsBlankZ() || kIndicators.find(c) != std::string::npos) ||
                 (c == '-' && !IsBlank(AtChar(1))) ||
                 (flow_level_ == 0 && (c == '?' || c == ':') && !IsBlankZ(1));
    if (plain) return FetchPlainScalar();
    return Fail("while scanning for the next token", mark_, "found character that cannot start any token");
  }

  // After a token, a comment on the same line belongs to it (yaml.v3 keeps line
  // comments); consuming it here matters because blanks before it may be tabs.
  void SkipLineComment() {
    if (newlines_ > 0) return;
    int peek = 0;
    while (peek < 512 && IsBlank(AtChar(peek))) ++peek;
    if (peek >= 512 || AtChar(peek) != '#') return;
    while (!IsBreakZ()) SkipChar();
  }

  bool ScanToNextToken() {
    for (;;) {
      if (mark_.column == 0 && static_cast<unsigned char>(At()) == 0xEF &&
          static_cast<unsigned char>(At(1)) == 0xBB && static_cast<unsigned char>(At(2)) == 0xBF) {
        SkipChar();
      }
      while (At() == ' ' || ((flow_level_ > 0 || !simple_key_allowed_) && At() == '\t')) SkipChar();
      if (At() == '#') SkipComments();
      if (IsBreak()) {
        SkipLine();
        if (flow_level_ == 0) simple_key_allowed_ = true;
      } else {
        break;
      }
    }
    return true;
  }

  // Consumes a comment and, like yaml.v3 (which gathers comment blocks for its
  // node comments), any further comment lines that follow after blanks or
  // empty lines. Tabs before those later comments are therefore accepted.
  void SkipComments() {
    for (;;) {
      while (!IsBreakZ()) SkipChar();
      int peek = 0;
      bool found = false;
      while (peek < 4096) {
        size_t p = Ahead(peek);
        char c = p < buf_.size() ? buf_[p] : '\0';
        if (IsBlank(c) || IsBreakAt(p)) {
          ++peek;
          continue;
        }
        if (flow_level_ > 0 && (c == ']' || c == '}')) break;
        found = c == '#';
        break;
      }
      if (!found) return;
      for (int k = 0; k < peek;) {
        if (IsBreak()) {
          // A CR LF pair is one step for the scanner but two characters ahead.
          bool crlf = At() == '\r' && At(1) == '\n';
          SkipLine();
          k += crlf ? 2 : 1;
        } else {
          SkipChar();
          ++k;
        }
      }
    }
  }

  bool FetchStreamEnd() {
    if (mark_.column != 0) {
      mark_.column = 0;
      ++mark_.line;
    }
    UnrollIndent(-1, mark_);
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    t.type = TokenType::kStreamEnd;
    t.start = t.end = mark_;
    InsertToken(-1, std::move(t));
    stream_end_fetched_ = true;
    return true;
  }

  bool FetchDirective() {
    UnrollIndent(-1, mark_);
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Mark start = mark_;
    SkipChar();
    std::string name;
    while (IsAlpha(At())) Read(&name);
    if (name.empty()) {
      return Fail("while scanning a directive", start, "could not find expected directive name");
    }
    if (!IsBlankZ()) {
      return Fail("while scanning a directive", start, "found unexpected non-alphabetical character");
    }
    Token t;
    if (name == "YAML") {
      t.type = TokenType::kVersionDirective;
      while (IsBlank(At())) SkipChar();
      std::string version;
      while (!IsBlankZ()) Read(&version);
      t.value = version;
    } else if (name == "TAG") {
      t.type = TokenType::kTagDirective;
      while (IsBlank(At())) SkipChar();
      std::string handle;
      while (!IsBlankZ()) Read(&handle);
      while (IsBlank(At())) SkipChar();
      std::string prefix;
      while (!IsBlankZ()) Read(&prefix);
      t.value = handle;
      t.suffix = prefix;
    } else {
      return Fail("while scanning a directive", start, "found unknown directive name");
    }
    while (IsBlank(At())) SkipChar();
    if (At() == '#') {
      while (!IsBreakZ()) SkipChar();
    }
    if (!IsBreakZ()) {
      return Fail("while scanning a directive", start, "did not find expected comment or line break");
    }
    if (IsBreak()) SkipLine();
    t.start = start;
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchDocumentIndicator(TokenType type) {
    UnrollIndent(-1, mark_);
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    t.type = type;
    t.start = mark_;
    SkipChar();
    SkipChar();
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchFlowCollectionStart(TokenType type) {
    if (!SaveSimpleKey()) return false;
    if (!IncreaseFlowLevel()) return false;
    simple_key_allowed_ = true;
    Token t;
    t.type = type;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchFlowCollectionEnd(TokenType type) {
    if (!RemoveSimpleKey()) return false;
    DecreaseFlowLevel();
    simple_key_allowed_ = false;
    Token t;
    t.type = type;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchFlowEntry() {
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = true;
    Token t;
    t.type = TokenType::kFlowEntry;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchBlockEntry() {
    if (flow_level_ == 0) {
      if (!simple_key_allowed_) return Fail("", mark_, "block sequence entries are not allowed in this context");
      if (!RollIndent(mark_.column, -1, TokenType::kBlockSequenceStart, mark_)) return false;
    }
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = true;
    Token t;
    t.type = TokenType::kBlockEntry;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchKey() {
    if (flow_level_ == 0) {
      if (!simple_key_allowed_) return Fail("", mark_, "mapping keys are not allowed in this context");
      if (!RollIndent(mark_.column, -1, TokenType::kBlockMappingStart, mark_)) return false;
    }
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = flow_level_ == 0;
    Token t;
    t.type = TokenType::kKey;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchValue() {
    SimpleKey& key = simple_keys_.back();
    bool valid = false;
    if (!SimpleKeyIsValid(&key, &valid)) return false;
    if (valid) {
      Token k;
      k.type = TokenType::kKey;
      k.start = k.end = key.mark;
      InsertToken(key.token_number - tokens_parsed_, std::move(k));
      int64_t token_number = key.token_number;
      if (!RollIndent(key.mark.column, token_number, TokenType::kBlockMappingStart, key.mark)) return false;
      key.possible = false;
      simple_keys_by_tok_.erase(key.token_number);
      simple_key_allowed_ = false;
    } else {
      if (flow_level_ == 0) {
        if (!simple_key_allowed_) return Fail("", mark_, "mapping values are not allowed in this context");
        if (!RollIndent(mark_.column, -1, TokenType::kBlockMappingStart, mark_)) return false;
      }
      simple_key_allowed_ = flow_level_ == 0;
    }
    Token t;
    t.type = TokenType::kValue;
    t.start = mark_;
    SkipChar();
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchAnchor(TokenType type) {
    if (!SaveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    t.type = type;
    t.start = mark_;
    SkipChar();
    while (IsAlpha(At())) Read(&t.value);
    t.end = mark_;
    char c = At();
    if (t.value.empty() || !(IsBlankZ() || c == '?' || c == ':' || c == ',' || c == ']' || c == '}' ||
                             c == '%' || c == '@' || c == '`')) {
      return Fail(type == TokenType::kAnchor ? "while scanning an anchor" : "while scanning an alias", t.start,
                  "did not find expected alphabetic or numeric character");
    }
    InsertToken(-1, std::move(t));
    return true;
  }

  bool ScanTagUri(bool verbatim, const std::string& head, Mark start, std::string* uri) {
    // A handle scanned before may really be the start of the suffix.
    std::string s = head.size() > 1 ? head.substr(1) : "";
    static const std::string kUriChars = ";/?:@&=+$.!~*'()%";
    for (;;) {
      char c = At();
      bool ok = IsAlpha(c) || kUriChars.find(c) != std::string::npos ||
                (verbatim && (c == ',' || c == '[' || c == ']'));
      if (!ok || c == '\0') break;
      if (c == '%') {
        if (!IsHex(At(1)) || !IsHex(At(2))) {
          return Fail("while parsing a tag", start, "did not find URI escaped octet");
        }
        s.push_back(static_cast<char>(HexDigitValue(At(1)) * 16 + HexDigitValue(At(2))));
        SkipChar();
        SkipChar();
        SkipChar();
        continue;
      }
      Read(&s);
    }
    if (s.empty()) return Fail("while parsing a tag", start, "did not find expected tag URI");
    *uri = s;
    return true;
  }

  bool FetchTag() {
    if (!SaveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    t.type = TokenType::kTag;
    t.start = mark_;
    if (At(1) == '<') {
      SkipChar();
      SkipChar();
      if (!ScanTagUri(true, "", t.start, &t.suffix)) return false;
      if (At() != '>') return Fail("while scanning a tag", t.start, "did not find the expected '>'");
      SkipChar();
    } else {
      std::string handle;
      Read(&handle);  // '!'
      while (IsAlpha(At())) Read(&handle);
      if (At() == '!') {
        Read(&handle);
        if (!ScanTagUri(false, "", t.start, &t.suffix)) return false;
        t.value = handle;
      } else {
        // Not a handle after all: "!suffix", or the bare "!" tag.
        std::string rest;
        std::string head = handle;
        rest = head.size() > 1 ? head.substr(1) : "";
        static const std::string kUriChars = ";/?:@&=+$.!~*'()%";
        while (IsAlpha(At()) || (kUriChars.find(At()) != std::string::npos && At() != '\0')) Read(&rest);
        if (rest.empty()) {
          t.value = "";
          t.suffix = "!";
        } else {
          t.value = "!";
          t.suffix = rest;
        }
      }
    }
    if (!IsBlankZ()) {
      return Fail("while scanning a tag", t.start, "did not find expected whitespace or line break");
    }
    t.end = mark_;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchBlockScalar(bool literal) {
    if (!RemoveSimpleKey()) return false;
    simple_key_allowed_ = true;
    Token t;
    if (!ScanBlockScalar(&t, literal)) return false;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchFlowScalar(bool single) {
    if (!SaveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    if (!ScanFlowScalar(&t, single)) return false;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool FetchPlainScalar() {
    if (!SaveSimpleKey()) return false;
    simple_key_allowed_ = false;
    Token t;
    if (!ScanPlainScalar(&t)) return false;
    InsertToken(-1, std::move(t));
    return true;
  }

  bool ScanBlockScalarBreaks(int* indent, std::string* breaks, Mark start, Mark* end) {
    *end = mark_;
    int max_indent = 0;
    for (;;) {
      while ((*indent == 0 || mark_.column < *indent) && At() == ' ') SkipChar();
      if (mark_.column > max_indent) max_indent = mark_.column;
      if ((*indent == 0 || mark_.column < *indent) && At() == '\t') {
        return Fail("while scanning a block scalar", start,
                    "found a tab character where an indentation space is expected");
      }
      if (!IsBreak()) break;
      ReadLine(breaks);
      *end = mark_;
    }
    if (*indent == 0) {
      *indent = max_indent;
      if (*indent < indent_ + 1) *indent = indent_ + 1;
      if (*indent < 1) *indent = 1;
    }
    return true;
  }

  bool ScanBlockScalar(Token* t, bool literal) {
    Mark start = mark_;
    SkipChar();
    int chomping = 0;
    int increment = 0;
    if (At() == '+' || At() == '-') {
      chomping = At() == '+' ? 1 : -1;
      SkipChar();
      if (IsDigit(At())) {
        if (At() == '0') {
          return Fail("while scanning a block scalar", start, "found an indentation indicator equal to 0");
        }
        increment = At() - '0';
        SkipChar();
      }
    } else if (IsDigit(At())) {
      if (At() == '0') {
        return Fail("while scanning a block scalar", start, "found an indentation indicator equal to 0");
      }
      increment = At() - '0';
      SkipChar();
      if (At() == '+' || At() == '-') {
        chomping = At() == '+' ? 1 : -1;
        SkipChar();
      }
    }
    while (IsBlank(At())) SkipChar();
    if (At() == '#') {
      while (!IsBreakZ()) SkipChar();
    }
    if (!IsBreakZ()) {
      return Fail("while scanning a block scalar", start, "did not find expected comment or line break");
    }
    if (IsBreak()) SkipLine();
    Mark end = mark_;
    int indent = 0;
    if (increment > 0) indent = indent_ >= 0 ? indent_ + increment : increment;

    std::string s, leading_break, trailing_breaks;
    if (!ScanBlockScalarBreaks(&indent, &trailing_breaks, start, &end)) return false;
    bool leading_blank = false;
    bool trailing_blank = false;
    while (mark_.column == indent && !IsZ()) {
      trailing_blank = IsBlank(At());
      if (!literal && !leading_blank && !trailing_blank && !leading_break.empty() && leading_break[0] == '\n') {
        if (trailing_breaks.empty()) s.push_back(' ');
      } else {
        s += leading_break;
      }
      leading_break.clear();
      s += trailing_breaks;
      trailing_breaks.clear();
      leading_blank = IsBlank(At());
      while (!IsBreakZ()) Read(&s);
      ReadLine(&leading_break);
      if (!ScanBlockScalarBreaks(&indent, &trailing_breaks, start, &end)) return false;
    }
    if (chomping != -1) s += leading_break;
    if (chomping == 1) s += trailing_breaks;
    t->type = TokenType::kScalar;
    t->start = start;
    t->end = end;
    t->value = std::move(s);
    t->style = literal ? ScalarStyle::kLiteral : ScalarStyle::kFolded;
    return true;
  }

  static void AppendRune(std::string* s, int v) {
    if (v <= 0x7F) {
      s->push_back(static_cast<char>(v));
    } else if (v <= 0x7FF) {
      s->push_back(static_cast<char>(0xC0 + (v >> 6)));
      s->push_back(static_cast<char>(0x80 + (v & 0x3F)));
    } else if (v <= 0xFFFF) {
      s->push_back(static_cast<char>(0xE0 + (v >> 12)));
      s->push_back(static_cast<char>(0x80 + ((v >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 + (v & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 + (v >> 18)));
      s->push_back(static_cast<char>(0x80 + ((v >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 + ((v >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 + (v & 0x3F)));
    }
  }

  bool AtDocumentIndicator() const {
    return mark_.column == 0 &&
           ((At() == '-' && At(1) == '-' && At(2) == '-') || (At() == '.' && At(1) == '.' && At(2) == '.')) &&
           IsBlankZ(3);
  }

  bool ScanFlowScalar(Token* t, bool single) {
    Mark start = mark_;
    SkipChar();
    std::string s, leading_break, trailing_breaks, whitespaces;
    for (;;) {
      if (AtDocumentIndicator()) {
        return Fail("while scanning a quoted scalar", start, "found unexpected document indicator");
      }
      if (IsZ()) return Fail("while scanning a quoted scalar", start, "found unexpected end of stream");
      bool leading_blanks = false;
      while (!IsBlankZ()) {
        char c = At();
        if (single && c == '\'' && At(1) == '\'') {
          s.push_back('\'');
          SkipChar();
          SkipChar();
        } else if (single && c == '\'') {
          break;
        } else if (!single && c == '"') {
          break;
        } else if (!single && c == '\\' && IsBreakAt(pos_ + 1)) {
          SkipChar();
          SkipLine();
          leading_blanks = true;
          break;
        } else if (!single && c == '\\') {
          int code_length = 0;
          switch (At(1)) {
            case '0': s.push_back('\0'); break;
            case 'a': s.push_back('\x07'); break;
            case 'b': s.push_back('\x08'); break;
            case 't': case '\t': s.push_back('\x09'); break;
            case 'n': s.push_back('\x0A'); break;
            case 'v': s.push_back('\x0B'); break;
            case 'f': s.push_back('\x0C'); break;
            case 'r': s.push_back('\x0D'); break;
            case 'e': s.push_back('\x1B'); break;
            case ' ': s.push_back(' '); break;
            case '"': s.push_back('"'); break;
            case '\'': s.push_back('\''); break;
            case '\\': s.push_back('\\'); break;
            case 'N': s += "\xC2\x85"; break;
            case '_': s += "\xC2\xA0"; break;
            case 'L': s += "\xE2\x80\xA8"; break;
            case 'P': s += "\xE2\x80\xA9"; break;
            case 'x': code_length = 2; break;
            case 'u': code_length = 4; break;
            case 'U': code_length = 8; break;
            default:
              return Fail("while parsing a quoted scalar", start, "found unknown escape character");
          }
          SkipChar();
          SkipChar();
          if (code_length > 0) {
            int value = 0;
            for (int k = 0; k < code_length; ++k) {
              if (!IsHex(At(k))) {
                return Fail("while parsing a quoted scalar", start, "did not find expected hexdecimal number");
              }
              value = (value << 4) + HexDigitValue(At(k));
            }
            if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
              return Fail("while parsing a quoted scalar", start, "found invalid Unicode character escape code");
            }
            AppendRune(&s, value);
            for (int k = 0; k < code_length; ++k) SkipChar();
          }
        } else {
          Read(&s);
        }
      }
      if (single ? At() == '\'' : At() == '"') break;
      while (IsBlank(At()) || IsBreak()) {
        if (IsBlank(At())) {
          if (!leading_blanks) {
            Read(&whitespaces);
          } else {
            SkipChar();
          }
        } else {
          if (!leading_blanks) {
            whitespaces.clear();
            ReadLine(&leading_break);
            leading_blanks = true;
          } else {
            ReadLine(&trailing_breaks);
          }
        }
      }
      if (leading_blanks) {
        if (!leading_break.empty() && leading_break[0] == '\n') {
          if (trailing_breaks.empty()) {
            s.push_back(' ');
          } else {
            s += trailing_breaks;
          }
        } else {
          s += leading_break;
          s += trailing_breaks;
        }
        trailing_breaks.clear();
        leading_break.clear();
      } else {
        s += whitespaces;
        whitespaces.clear();
      }
    }
    SkipChar();
    t->type = TokenType::kScalar;
    t->start = start;
    t->end = mark_;
    t->value = std::move(s);
    t->style = single ? ScalarStyle::kSingleQuoted : ScalarStyle::kDoubleQuoted;
    return true;
  }

  bool ScanPlainScalar(Token* t) {
    std::string s, leading_break, trailing_breaks, whitespaces;
    bool leading_blanks = false;
    int indent = indent_ + 1;
    Mark start = mark_;
    Mark end = mark_;
    for (;;) {
      if (AtDocumentIndicator()) break;
      if (At() == '#') break;
      while (!IsBlankZ()) {
        char c = At();
        if ((c == ':' && IsBlankZ(1)) ||
            (flow_level_ > 0 && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'))) {
          break;
        }
        if (leading_blanks || !whitespaces.empty()) {
          if (leading_blanks) {
            if (leading_break[0] == '\n') {
              if (trailing_breaks.empty()) {
                s.push_back(' ');
              } else {
                s += trailing_breaks;
              }
            } else {
              s += leading_break;
              s += trailing_breaks;
            }
            trailing_breaks.clear();
            leading_break.clear();
            leading_blanks = false;
          } else {
            s += whitespaces;
            whitespaces.clear();
          }
        }
        Read(&s);
        end = mark_;
      }
      if (!(IsBlank(At()) || IsBreak())) break;
      while (IsBlank(At()) || IsBreak()) {
        if (IsBlank(At())) {
          if (leading_blanks && mark_.column < indent && At() == '\t') {
            return Fail("while scanning a plain scalar", start, "found a tab character that violates indentation");
          }
          if (!leading_blanks) {
            Read(&whitespaces);
          } else {
            SkipChar();
          }
        } else {
          if (!leading_blanks) {
            whitespaces.clear();
            ReadLine(&leading_break);
            leading_blanks = true;
          } else {
            ReadLine(&trailing_breaks);
          }
        }
      }
      if (flow_level_ == 0 && mark_.column < indent) break;
    }
    t->type = TokenType::kScalar;
    t->start = start;
    t->end = end;
    t->value = std::move(s);
    t->style = ScalarStyle::kPlain;
    if (leading_blanks) simple_key_allowed_ = true;
    return true;
  }

  std::string buf_;
  size_t pos_ = 0;
  Mark mark_;
  int newlines_ = 0;
  std::deque<Token> tokens_;
  int64_t tokens_parsed_ = 0;
  bool token_available_ = false;
  bool stream_start_produced_ = false;
  bool stream_end_fetched_ = false;
  int indent_ = -1;
  std::vector<int> indents_;
  bool simple_key_allowed_ = false;
  std::vector<SimpleKey> simple_keys_;
  std::map<int64_t, size_t> simple_keys_by_tok_;
  int flow_level_ = 0;
  SyntaxError error_;
};

YamlScanner::YamlScanner(const std::string& text) : impl_(std::make_unique<Impl>(text)) {}
YamlScanner::~YamlScanner() = default;
const Token* YamlScanner::Peek() { return impl_->Peek(); }
void YamlScanner::Skip() { impl_->Skip(); }
const SyntaxError& YamlScanner::error() const { return impl_->error(); }

}  // namespace swarmsim::compose
