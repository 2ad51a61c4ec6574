// A YAML reader with yaml.v3's behaviour. Three stages, as in yaml.v3:
//   Scanner: characters -> tokens (indentation, simple keys, scalars).
//   Parser:  tokens -> a node tree (anchors, tags, styles, line numbers).
//   Decoder: nodes -> Value (scalar resolution, `<<` merges, duplicate keys).
// The scanner is pulled lazily by the parser, keeping the same look-ahead as
// libyaml, so that when a document has several problems the one reported is
// the one docker reports.
#include "core/compose/yaml_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "core/compose/go_text.h"

namespace swarmsim::compose {

namespace {

// ---------------------------------------------------------------------------
// Characters. The input is padded with NULs so look-ahead never leaves it.

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (c >= 'a') return c - 'a' + 10;
  if (c >= 'A') return c - 'A' + 10;
  return c - '0';
}
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

struct Mark {
  int64_t index = 0;  // in characters
  int line = 0;       // 0-based
  int column = 0;     // 0-based, in characters
};

enum class TokenType {
  kStreamStart, kStreamEnd, kVersionDirective, kTagDirective, kDocumentStart, kDocumentEnd,
  kBlockSequenceStart, kBlockMappingStart, kBlockEnd, kFlowSequenceStart, kFlowSequenceEnd,
  kFlowMappingStart, kFlowMappingEnd, kBlockEntry, kFlowEntry, kKey, kValue, kAlias, kAnchor,
  kTag, kScalar,
};

enum class Style { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Token {
  TokenType type = TokenType::kStreamStart;
  Mark start, end;
  std::string value;   // scalar text, anchor/alias name, tag handle, directive prefix
  std::string suffix;  // tag suffix
  Style style = Style::kPlain;
};

// libyaml's error record: fail() in yaml.v3 turns it into "line N: problem".
struct SyntaxError {
  bool set = false;
  bool from_scanner = false;
  std::string context;
  Mark context_mark;
  std::string problem;
  Mark problem_mark;

  std::string Message() const {
    int line = 0;
    if (context_mark.line != 0) {
      line = context_mark.line + (from_scanner ? 1 : 0);
    } else if (problem_mark.line != 0) {
      line = problem_mark.line + (from_scanner ? 1 : 0);
    }
    std::string where = line != 0 ? "line " + std::to_string(line) + ": " : "";
    return "yaml: " + where + (problem.empty() ? "unknown problem parsing YAML content" : problem);
  }
};

struct SimpleKey {
  bool possible = false;
  bool required = false;
  int64_t token_number = 0;
  Mark mark;
};

// ---------------------------------------------------------------------------
// Scanner

class Scanner {
 public:
  explicit Scanner(const std::string& text) : buf_(text) { buf_.append(8, '\0'); }

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
        s.push_back(static_cast<char>(HexValue(At(1)) * 16 + HexValue(At(2))));
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
    t->style = literal ? Style::kLiteral : Style::kFolded;
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
              value = (value << 4) + HexValue(At(k));
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
    t->style = single ? Style::kSingleQuoted : Style::kDoubleQuoted;
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
    t->style = Style::kPlain;
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

// ---------------------------------------------------------------------------
// Nodes

enum class NodeKind { kDocument, kSequence, kMapping, kScalar, kAlias };

struct Node {
  NodeKind kind = NodeKind::kScalar;
  std::string tag;  // short form: "!!str", "!!map", "!!int", "!custom"
  bool explicit_tag = false;
  std::string value;
  Style style = Style::kPlain;
  int line = 0;  // 1-based
  std::vector<Node*> content;
  Node* alias = nullptr;
};

const char kLongTagPrefix[] = "tag:yaml.org,2002:";

std::string ShortTag(const std::string& tag) {
  const std::string prefix = kLongTagPrefix;
  if (tag.compare(0, prefix.size(), prefix) == 0) return "!!" + tag.substr(prefix.size());
  return tag;
}

// yaml.v3's resolve(): the implicit type of a plain scalar, or the checked
// value for an explicit tag. `tag` is "" for implicit resolution.
struct Resolved {
  std::string tag;
  Value value;
};

bool MatchesYamlFloat(const std::string& s) {
  // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
  } else {
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
  }
  return i == s.size();
}

// yaml.v3 reads plain scalars in these time.Parse layouts as time.Time:
// "2006-1-2T15:4:5.999999999Z07:00" (also with 't'), "2006-1-2 15:4:5.999999999"
// and "2006-1-2". On success *out holds the RFC 3339 text yaml.v3 writes back
// and Go's Time.String() text that fmt prints.
bool ParseTimestamp(const std::string& s, Value* out) {
  size_t p = 0;
  auto digits = [&](int fixed, int* v) {  // fixed 0: one or two digits
    if (p >= s.size() || !IsDigit(s[p])) return false;
    int n = s[p++] - '0';
    int max = fixed ? fixed : 2;
    int count = 1;
    while (count < max && p < s.size() && IsDigit(s[p])) {
      n = n * 10 + (s[p++] - '0');
      ++count;
    }
    if (fixed && count != fixed) return false;
    *v = n;
    return true;
  };
  auto lit = [&](char c) {
    if (p >= s.size() || s[p] != c) return false;
    ++p;
    return true;
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(4, &year) || !lit('-') || !digits(0, &month) || !lit('-') || !digits(0, &day)) return false;
  if (month < 1 || month > 12) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < 1 || day > days_in_month) return false;
  std::string frac;
  bool has_offset = false;
  int offset_minutes = 0;
  if (p < s.size()) {
    char sep = s[p++];
    if (sep != 'T' && sep != 't' && sep != ' ') return false;
    if (!digits(0, &hour) || !lit(':') || !digits(0, &minute) || !lit(':') || !digits(0, &second)) return false;
    if (hour >= 24 || minute >= 60 || second >= 60) return false;
    if (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && IsDigit(s[p + 1])) {
      ++p;
      while (p < s.size() && IsDigit(s[p])) frac.push_back(s[p++]);
      if (frac.size() > 9) frac.resize(9);
    }
    if (sep != ' ' && p < s.size()) {
      if (s[p] == 'Z') {
        ++p;
      } else {
        if (s.size() - p < 6 || (s[p] != '+' && s[p] != '-') || s[p + 3] != ':') return false;
        if (!IsDigit(s[p + 1]) || !IsDigit(s[p + 2]) || !IsDigit(s[p + 4]) || !IsDigit(s[p + 5])) return false;
        int hh = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
        int mm = (s[p + 4] - '0') * 10 + (s[p + 5] - '0');
        if (hh > 24 || mm > 60) return false;
        offset_minutes = (hh * 60 + mm) * (s[p] == '-' ? -1 : 1);
        has_offset = offset_minutes != 0;
        p += 6;
      }
    } else if (sep != ' ' && p >= s.size()) {
      return false;  // the T layouts need a zone
    }
  }
  if (p != s.size()) return false;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  char date[64];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  char clock[32];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", hour, minute, second);
  std::string fraction = frac.empty() ? "" : "." + frac;
  std::string rfc = std::string(date) + "T" + clock + fraction;
  std::string text = std::string(date) + " " + clock + fraction;
  if (has_offset) {
    int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char sign = offset_minutes < 0 ? '-' : '+';
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, a / 60, a % 60);
    rfc += zone;
    char numeric[16];
    std::snprintf(numeric, sizeof numeric, "%c%02d%02d", sign, a / 60, a % 60);
    text += std::string(" ") + numeric + " " + numeric;  // a fixed zone without a name
  } else {
    rfc += "Z";
    text += " +0000 UTC";
  }
  *out = Value::Time(rfc, text);
  return true;
}

// Go's strconv.ParseInt(s, 0, 64) / ParseUint: base prefixes 0x, 0o, 0b, and a
// leading 0 for octal.
bool ParseGoInt(const std::string& in, int64_t* out_i, uint64_t* out_u, bool* is_unsigned) {
  std::string s = in;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char b = s[1];
    if (b == 'x' || b == 'X') {
      base = 16;
      s = s.substr(2);
    } else if (b == 'o' || b == 'O') {
      base = 8;
      s = s.substr(2);
    } else if (b == 'b' || b == 'B') {
      base = 2;
      s = s.substr(2);
    } else {
      base = 8;
      s = s.substr(1);
    }
    if (s.empty()) return false;
  }
  unsigned __int128 v = 0;
  for (char c : s) {
    int d;
    if (IsDigit(c)) {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    v = v * base + d;
    if (v > static_cast<unsigned __int128>(UINT64_MAX)) return false;
  }
  if (neg) {
    if (v > static_cast<unsigned __int128>(INT64_MAX) + 1) return false;
    *out_i = static_cast<int64_t>(-static_cast<__int128>(v));
    *is_unsigned = false;
    return true;
  }
  if (v <= static_cast<unsigned __int128>(INT64_MAX)) {
    *out_i = static_cast<int64_t>(v);
    *is_unsigned = false;
  } else {
    *out_u = static_cast<uint64_t>(v);
    *is_unsigned = true;
  }
  return true;
}

Resolved ResolvePlain(const std::string& in) {
  static const std::set<std::string> kTrue = {"true", "True", "TRUE"};
  static const std::set<std::string> kFalse = {"false", "False", "FALSE"};
  static const std::set<std::string> kNull = {"", "~", "null", "Null", "NULL"};
  char hint = 'N';
  if (!in.empty()) {
    char c = in[0];
    if (c == '+' || c == '-') {
      hint = 'S';
    } else if (IsDigit(c)) {
      hint = 'D';
    } else if (std::string("yYnNtTfFoO~").find(c) != std::string::npos) {
      hint = 'M';
    } else if (c == '.') {
      hint = '.';
    } else {
      hint = 0;
    }
  }
  if (hint != 0) {
    if (kTrue.count(in)) return {"!!bool", Value::Bool(true)};
    if (kFalse.count(in)) return {"!!bool", Value::Bool(false)};
    if (kNull.count(in)) return {"!!null", Value::Null()};
    if (in == ".nan" || in == ".NaN" || in == ".NAN") return {"!!float", Value::Float(std::nan(""))};
    if (in == ".inf" || in == ".Inf" || in == ".INF" || in == "+.inf" || in == "+.Inf" || in == "+.INF") {
      return {"!!float", Value::Float(HUGE_VAL)};
    }
    if (in == "-.inf" || in == "-.Inf" || in == "-.INF") return {"!!float", Value::Float(-HUGE_VAL)};
    if (in == "<<") return {"!!merge", Value::String(in)};
    if (hint == '.') {
      if (MatchesYamlFloat(in)) return {"!!float", Value::Float(std::strtod(in.c_str(), nullptr))};
    } else if (hint == 'D' || hint == 'S') {
      Value t;
      if (ParseTimestamp(in, &t)) return {"!!timestamp", t};
      std::string plain;
      for (char c : in) {
        if (c != '_') plain.push_back(c);
      }
      int64_t iv = 0;
      uint64_t uv = 0;
      bool is_unsigned = false;
      // Go's ParseInt with base 0 also accepts the 0b/0o/0x forms handled here.
      if (ParseGoInt(plain, &iv, &uv, &is_unsigned)) {
        return {"!!int", is_unsigned ? Value::Uint(uv) : Value::Int(iv)};
      }
      if (MatchesYamlFloat(plain)) {
        errno = 0;
        double f = std::strtod(plain.c_str(), nullptr);
        if (errno != ERANGE) return {"!!float", Value::Float(f)};
      }
    }
  }
  return {"!!str", Value::String(in)};
}

// ---------------------------------------------------------------------------
// Parser: builds nodes, following libyaml's state machine as recursion.

class Parser {
 public:
  explicit Parser(const std::string& text) : scanner_(text) {}

  // Returns the document's root (nullptr for an empty stream); sets *error.
  Node* ParseDocument(std::string* error) {
    const Token* t = Peek();
    if (!t) return Fail(error);
    if (t->type != TokenType::kStreamStart) {
      return ParserFail(error, "", Mark(), "did not find expected <stream-start>", t->start);
    }
    Skip();
    t = Peek();
    if (!t) return Fail(error);
    if (t->type == TokenType::kStreamEnd) return nullptr;
    if (t->type != TokenType::kVersionDirective && t->type != TokenType::kTagDirective &&
        t->type != TokenType::kDocumentStart) {
      // Implicit document.
      Node* root = ParseNode(true, false);
      if (!root) return Fail(error);
      if (!Peek()) return Fail(error);  // document end looks at the next token
      return root;
    }
    bool seen_version = false;
    while (t->type == TokenType::kVersionDirective || t->type == TokenType::kTagDirective) {
      if (t->type == TokenType::kVersionDirective) {
        if (seen_version) return ParserFail(error, "", Mark(), "found duplicate %YAML directive", t->start);
        seen_version = true;
        // libyaml reads YAML 1.1 only.
        if (t->value != "1.1") return ParserFail(error, "", Mark(), "found incompatible YAML document", t->start);
      }
      if (t->type == TokenType::kTagDirective) tag_directives_[t->value] = t->suffix;
      Skip();
      t = Peek();
      if (!t) return Fail(error);
    }
    if (t->type != TokenType::kDocumentStart) {
      return ParserFail(error, "", Mark(), "did not find expected <document start>", t->start);
    }
    Skip();
    t = Peek();
    if (!t) return Fail(error);
    Node* root;
    if (t->type == TokenType::kVersionDirective || t->type == TokenType::kTagDirective ||
        t->type == TokenType::kDocumentStart || t->type == TokenType::kDocumentEnd ||
        t->type == TokenType::kStreamEnd) {
      root = EmptyScalar(t->start);
    } else {
      root = ParseNode(true, false);
      if (!root) return Fail(error);
    }
    if (!Peek()) return Fail(error);
    return root;
  }

 private:
  const Token* Peek() {
    if (error_.set) return nullptr;
    const Token* t = scanner_.Peek();
    if (!t) error_ = scanner_.error();
    return t;
  }
  void Skip() { scanner_.Skip(); }

  Node* Fail(std::string* error) {
    *error = error_.Message();
    return nullptr;
  }
  Node* ParserFail(std::string* error, const char* context, Mark context_mark, const char* problem,
                   Mark problem_mark) {
    SetParserError(context, context_mark, problem, problem_mark);
    return Fail(error);
  }
  [[gnu::noinline]] void SetParserError(const char* context, Mark context_mark, const char* problem,
                                        Mark problem_mark) {
    error_.set = true;
    error_.from_scanner = false;
    error_.context = context;
    error_.context_mark = context_mark;
    error_.problem = problem;
    error_.problem_mark = problem_mark;
  }

  Node* NewNode(NodeKind kind, Mark start) {
    nodes_.emplace_back();
    Node* n = &nodes_.back();
    n->kind = kind;
    n->line = start.line + 1;
    return n;
  }

  // yaml.v3's parser.node(): explicit tags win, else the kind's default tag,
  // else (scalars) the resolved implicit tag.
  [[gnu::noinline]] void SetTag(Node* n, const std::string& tag, const char* default_tag) {
    if (!tag.empty() && tag != "!") {
      n->tag = ShortTag(tag);
      n->explicit_tag = true;
    } else if (default_tag[0] != '\0') {
      n->tag = default_tag;
    } else if (n->kind == NodeKind::kScalar) {
      n->tag = ResolvePlain(n->value).tag;
    }
  }

  Node* EmptyScalar(Mark mark) {
    Node* n = NewNode(NodeKind::kScalar, mark);
    n->style = Style::kPlain;
    SetTag(n, "", "");
    return n;
  }

  // A node's anchor and tag. Kept on the heap and out of the recursive frames:
  // documents may nest thousands of levels (libyaml's limit is 10000).
  struct Properties {
    Mark start;
    std::string anchor;
    bool has_anchor = false;
    std::string tag;
  };

  // Reads an alias (returned in *alias) or the anchor/tag properties before a
  // node. False on error.
  [[gnu::noinline]] bool ReadHeader(Properties* p, Node** alias) {
    const Token* t = Peek();
    if (!t) return false;
    if (t->type == TokenType::kAlias) {
      Node* n = NewNode(NodeKind::kAlias, t->start);
      n->value = t->value;
      auto it = anchors_.find(t->value);
      if (it == anchors_.end()) {
        fatal_ = "unknown anchor '" + t->value + "' referenced";
        return false;
      }
      n->alias = it->second;
      Skip();
      *alias = n;
      return true;
    }
    p->start = t->start;
    bool tag_token = false;
    std::string handle, suffix;
    Mark tag_mark;
    auto read_tag = [&](const Token* tok) {
      tag_token = true;
      handle = tok->value;
      suffix = tok->suffix;
      tag_mark = tok->start;
    };
    if (t->type == TokenType::kAnchor) {
      p->anchor = t->value;
      p->has_anchor = true;
      Skip();
      t = Peek();
      if (!t) return false;
      if (t->type == TokenType::kTag) {
        read_tag(t);
        Skip();
        if (!Peek()) return false;
      }
    } else if (t->type == TokenType::kTag) {
      read_tag(t);
      Skip();
      t = Peek();
      if (!t) return false;
      if (t->type == TokenType::kAnchor) {
        p->anchor = t->value;
        p->has_anchor = true;
        Skip();
        if (!Peek()) return false;
      }
    }
    if (tag_token) {
      if (handle.empty()) {
        p->tag = suffix;
      } else if (handle == "!!") {
        p->tag = kLongTagPrefix + suffix;
      } else if (handle == "!") {
        p->tag = "!" + suffix;
      } else {
        auto it = tag_directives_.find(handle);
        if (it == tag_directives_.end()) {
          SetParserError("while parsing a node", p->start, "found undefined tag handle", tag_mark);
          return false;
        }
        p->tag = it->second + suffix;
      }
    }
    return true;
  }

  // A collection node (empty yet) or a property-only empty scalar.
  [[gnu::noinline]] Node* StartNode(const Properties& p, NodeKind kind, const char* default_tag) {
    Node* n = NewNode(kind, p.start);
    SetTag(n, p.tag, default_tag);
    if (p.has_anchor) anchors_[p.anchor] = n;
    return n;
  }

  // The scalar at the current token, consumed.
  [[gnu::noinline]] Node* ScalarNode(const Properties& p) {
    const Token* t = Peek();
    Node* n = NewNode(NodeKind::kScalar, p.start);
    n->value = t->value;
    n->style = t->style;
    const char* default_tag = "";
    if (t->style != Style::kPlain) {
      default_tag = "!!str";
    } else if (n->value == "<<") {
      default_tag = "!!merge";
    }
    SetTag(n, p.tag, default_tag);
    if (p.has_anchor) anchors_[p.anchor] = n;
    Skip();
    return n;
  }

  [[gnu::noinline]] void NoContent(const Properties& p, bool block) {
    SetParserError(block ? "while parsing a block node" : "while parsing a flow node", p.start,
                   "did not find expected node content", Peek()->start);
  }

  // Every later stage (interpolation, schema, decoding, writing) walks the
  // tree recursively, so nesting is capped well below libyaml's 10000 levels.
  static constexpr int kMaxNesting = 1000;

  Node* ParseNode(bool block, bool indentless_sequence) {
    if (++depth_ > kMaxNesting) {
      fatal_ = "nesting deeper than " + std::to_string(kMaxNesting) + " levels is not supported";
      return nullptr;
    }
    Node* n = ParseNodeAtDepth(block, indentless_sequence);
    --depth_;
    return n;
  }

  Node* ParseNodeAtDepth(bool block, bool indentless_sequence) {
    auto p = std::make_unique<Properties>();
    Node* alias = nullptr;
    if (!ReadHeader(p.get(), &alias)) return nullptr;
    if (alias) return alias;
    TokenType type = Peek()->type;
    Node* n = nullptr;
    bool ok = true;
    if (indentless_sequence && type == TokenType::kBlockEntry) {
      n = StartNode(*p, NodeKind::kSequence, "!!seq");
      ok = ParseIndentlessSequence(n);
    } else if (type == TokenType::kScalar) {
      n = ScalarNode(*p);
    } else if (type == TokenType::kFlowSequenceStart) {
      n = StartNode(*p, NodeKind::kSequence, "!!seq");
      ok = ParseFlowSequence(n);
    } else if (type == TokenType::kFlowMappingStart) {
      n = StartNode(*p, NodeKind::kMapping, "!!map");
      ok = ParseFlowMapping(n);
    } else if (block && type == TokenType::kBlockSequenceStart) {
      n = StartNode(*p, NodeKind::kSequence, "!!seq");
      ok = ParseBlockSequence(n);
    } else if (block && type == TokenType::kBlockMappingStart) {
      n = StartNode(*p, NodeKind::kMapping, "!!map");
      ok = ParseBlockMapping(n);
    } else if (p->has_anchor || !p->tag.empty()) {
      n = StartNode(*p, NodeKind::kScalar, "");
    } else {
      NoContent(*p, block);
      ok = false;
    }
    return ok ? n : nullptr;
  }

  bool ParseBlockSequence(Node* n) {
    Mark context = Peek()->start;
    Skip();  // BLOCK-SEQUENCE-START
    for (;;) {
      const Token* t = Peek();
      if (!t) return false;
      if (t->type == TokenType::kBlockEntry) {
        Mark mark = t->end;
        Skip();
        t = Peek();
        if (!t) return false;
        Node* child;
        if (t->type != TokenType::kBlockEntry && t->type != TokenType::kBlockEnd) {
          child = ParseNode(true, false);
          if (!child) return false;
        } else {
          child = EmptyScalar(mark);
        }
        n->content.push_back(child);
        continue;
      }
      if (t->type == TokenType::kBlockEnd) {
        Skip();
        return true;
      }
      SetParserError("while parsing a block collection", context, "did not find expected '-' indicator", t->start);
      return false;
    }
  }

  bool ParseIndentlessSequence(Node* n) {
    for (;;) {
      const Token* t = Peek();
      if (!t) return false;
      if (t->type != TokenType::kBlockEntry) return true;
      Mark mark = t->end;
      Skip();
      t = Peek();
      if (!t) return false;
      Node* child;
      if (t->type != TokenType::kBlockEntry && t->type != TokenType::kKey && t->type != TokenType::kValue &&
          t->type != TokenType::kBlockEnd) {
        child = ParseNode(true, false);
        if (!child) return false;
      } else {
        child = EmptyScalar(mark);
      }
      n->content.push_back(child);
    }
  }

  bool ParseBlockMapping(Node* n) {
    Mark context = Peek()->start;
    Skip();  // BLOCK-MAPPING-START
    for (;;) {
      const Token* t = Peek();
      if (!t) return false;
      Node* key;
      if (t->type == TokenType::kKey) {
        Mark mark = t->end;
        Skip();
        t = Peek();
        if (!t) return false;
        if (t->type != TokenType::kKey && t->type != TokenType::kValue && t->type != TokenType::kBlockEnd) {
          key = ParseNode(true, true);
          if (!key) return false;
        } else {
          key = EmptyScalar(mark);
        }
      } else if (t->type == TokenType::kBlockEnd) {
        Skip();
        return true;
      } else {
        SetParserError("while parsing a block mapping", context, "did not find expected key", t->start);
        return false;
      }
      n->content.push_back(key);
      // Value.
      t = Peek();
      if (!t) return false;
      Node* value;
      if (t->type == TokenType::kValue) {
        Mark mark = t->end;
        Skip();
        t = Peek();
        if (!t) return false;
        if (t->type != TokenType::kKey && t->type != TokenType::kValue && t->type != TokenType::kBlockEnd) {
          value = ParseNode(true, true);
          if (!value) return false;
        } else {
          value = EmptyScalar(mark);
        }
      } else {
        value = EmptyScalar(t->start);
      }
      n->content.push_back(value);
    }
  }

  bool ParseFlowSequence(Node* n) {
    Mark context = Peek()->start;
    Skip();  // FLOW-SEQUENCE-START
    bool first = true;
    for (;;) {
      const Token* t = Peek();
      if (!t) return false;
      if (t->type != TokenType::kFlowSequenceEnd) {
        if (!first) {
          if (t->type == TokenType::kFlowEntry) {
            Skip();
            t = Peek();
            if (!t) return false;
          } else {
            SetParserError("while parsing a flow sequence", context, "did not find expected ',' or ']'", t->start);
            return false;
          }
        }
        first = false;
        if (t->type == TokenType::kKey) {
          // A single-pair mapping inside a flow sequence: [a: b].
          Node* pair = NewNode(NodeKind::kMapping, t->start);
          SetTag(pair, "", "!!map");
          Skip();
          t = Peek();
          if (!t) return false;
          Node* key;
          if (t->type != TokenType::kValue && t->type != TokenType::kFlowEntry &&
              t->type != TokenType::kFlowSequenceEnd) {
            key = ParseNode(false, false);
            if (!key) return false;
          } else {
            Mark mark = t->end;
            Skip();  // libyaml consumes the token here (a quirk kept for fidelity)
            key = EmptyScalar(mark);
          }
          pair->content.push_back(key);
          t = Peek();
          if (!t) return false;
          Node* value = nullptr;
          if (t->type == TokenType::kValue) {
            Skip();
            t = Peek();
            if (!t) return false;
            if (t->type != TokenType::kFlowEntry && t->type != TokenType::kFlowSequenceEnd) {
              value = ParseNode(false, false);
              if (!value) return false;
            }
          }
          if (!value) value = EmptyScalar(t->start);
          pair->content.push_back(value);
          if (!Peek()) return false;
          n->content.push_back(pair);
          continue;
        }
        if (t->type != TokenType::kFlowSequenceEnd) {
          Node* child = ParseNode(false, false);
          if (!child) return false;
          n->content.push_back(child);
          continue;
        }
      }
      Skip();
      return true;
    }
  }

  bool ParseFlowMapping(Node* n) {
    Mark context = Peek()->start;
    Skip();  // FLOW-MAPPING-START
    bool first = true;
    for (;;) {
      const Token* t = Peek();
      if (!t) return false;
      if (t->type != TokenType::kFlowMappingEnd) {
        if (!first) {
          if (t->type == TokenType::kFlowEntry) {
            Skip();
            t = Peek();
            if (!t) return false;
          } else {
            SetParserError("while parsing a flow mapping", context, "did not find expected ',' or '}'", t->start);
            return false;
          }
        }
        first = false;
        if (t->type == TokenType::kKey) {
          Skip();
          t = Peek();
          if (!t) return false;
          Node* key;
          if (t->type != TokenType::kValue && t->type != TokenType::kFlowEntry &&
              t->type != TokenType::kFlowMappingEnd) {
            key = ParseNode(false, false);
            if (!key) return false;
          } else {
            key = EmptyScalar(t->start);
          }
          n->content.push_back(key);
          if (!ParseFlowMappingValue(n, false)) return false;
          continue;
        }
        if (t->type != TokenType::kFlowMappingEnd) {
          Node* key = ParseNode(false, false);
          if (!key) return false;
          n->content.push_back(key);
          if (!ParseFlowMappingValue(n, true)) return false;
          continue;
        }
      }
      Skip();
      return true;
    }
  }

  bool ParseFlowMappingValue(Node* n, bool empty) {
    const Token* t = Peek();
    if (!t) return false;
    if (empty) {
      n->content.push_back(EmptyScalar(t->start));
      return true;
    }
    if (t->type == TokenType::kValue) {
      Skip();
      t = Peek();
      if (!t) return false;
      if (t->type != TokenType::kFlowEntry && t->type != TokenType::kFlowMappingEnd) {
        Node* value = ParseNode(false, false);
        if (!value) return false;
        n->content.push_back(value);
        return true;
      }
    }
    n->content.push_back(EmptyScalar(t->start));
    return true;
  }

 public:
  // A failure yaml.v3 raises outside libyaml (an unknown anchor), or our own
  // nesting limit; empty otherwise.
  const std::string& fatal() const { return fatal_; }

 private:
  Scanner scanner_;
  SyntaxError error_;
  std::deque<Node> nodes_;
  std::map<std::string, Node*> anchors_;
  std::map<std::string, std::string> tag_directives_;
  std::string fatal_;
  int depth_ = 0;
};

// ---------------------------------------------------------------------------
// Decoder: nodes -> Value, as yaml.v3 decodes into `any`.

class Decoder {
 public:
  // Returns false with *fatal set for errors that stop decoding at once.
  bool Decode(const Node* n, Value* out) {
    // yaml.v3's defence against alias bombs: alias expansion may account for
    // at most 99% of the decoding work (less for very large documents).
    ++decode_count_;
    if (alias_depth_ > 0) ++alias_count_;
    if (alias_count_ > 100 && decode_count_ > 1000 &&
        static_cast<double>(alias_count_) / static_cast<double>(decode_count_) > AllowedAliasRatio()) {
      fatal_ = "document contains excessive aliasing";
      return false;
    }
    switch (n->kind) {
      case NodeKind::kDocument:
        return Decode(n->content[0], out);
      case NodeKind::kAlias: {
        if (active_aliases_.count(n)) {
          fatal_ = "anchor '" + n->value + "' value contains itself";
          return false;
        }
        active_aliases_.insert(n);
        ++alias_depth_;
        bool ok = Decode(n->alias, out);
        --alias_depth_;
        active_aliases_.erase(n);
        return ok;
      }
      case NodeKind::kScalar:
        return Scalar(n, out);
      case NodeKind::kSequence: {
        *out = Value::List();
        for (const Node* c : n->content) {
          Value v;
          bool ok = Decode(c, &v);
          if (!fatal_.empty()) return false;
          if (ok || ShortTagOf(c) == "!!null") out->list.push_back(std::move(v));
        }
        return true;
      }
      case NodeKind::kMapping:
        return Mapping(n, out);
    }
    return false;
  }

  const std::vector<std::string>& type_errors() const { return type_errors_; }
  const std::string& fatal() const { return fatal_; }

 private:
  static bool IndicatedString(const Node* n) {
    return n->kind == NodeKind::kScalar &&
           (n->tag == "!!str" || ((n->tag.empty() || n->tag == "!") && n->style != Style::kPlain));
  }

  static std::string ShortTagOf(const Node* n) {
    if (IndicatedString(n)) return "!!str";
    if (n->kind == NodeKind::kAlias && n->alias) return ShortTagOf(n->alias);
    if (n->tag.empty() || n->tag == "!") {
      switch (n->kind) {
        case NodeKind::kMapping: return "!!map";
        case NodeKind::kSequence: return "!!seq";
        case NodeKind::kScalar: return ResolvePlain(n->value).tag;
        default: return "";
      }
    }
    return n->tag;
  }

  bool Scalar(const Node* n, Value* out) {
    if (IndicatedString(n)) {
      *out = Value::String(n->value);
      return true;
    }
    const std::string& tag = n->tag;
    if (!n->explicit_tag || tag == "!!merge") {
      Resolved r = ResolvePlain(n->value);
      *out = r.value;
      return true;
    }
    // Explicit tags: yaml.v3 checks the text against the tag.
    if (tag == "!!str" || tag == "!!binary" || tag.rfind("!!", 0) != 0) {
      *out = Value::String(n->value);
      return true;
    }
    Resolved r = ResolvePlain(n->value);
    if (tag == "!!float" && r.tag == "!!int") {
      *out = Value::Float(r.value.kind == Value::Kind::kUint ? static_cast<double>(r.value.u)
                                                             : static_cast<double>(r.value.i));
      return true;
    }
    if (tag == "!!timestamp" && r.tag == "!!timestamp") {
      *out = r.value;
      return true;
    }
    if (r.tag != tag && (tag == "!!int" || tag == "!!float" || tag == "!!bool" || tag == "!!null")) {
      fatal_ = "cannot decode " + r.tag + " `" + n->value + "` as a " + tag;
      return false;
    }
    *out = r.value;
    return true;
  }

  static bool IsMerge(const Node* n) {
    return n->kind == NodeKind::kScalar && n->value == "<<" &&
           (n->tag.empty() || n->tag == "!" || n->tag == "!!merge");
  }

  // Go's map key from a decoded key value: strings stay, others print.
  static std::string KeyText(const Value& k) { return k.kind == Value::Kind::kString ? k.s : GoSprint(k); }

  // fmt's %#v of a decoded value, for yaml.v3's "invalid map key" message.
  static std::string GoSyntax(const Value& v) {
    switch (v.kind) {
      case Value::Kind::kNull: return "interface {}(nil)";
      case Value::Kind::kString: return GoQuote(v.s);
      case Value::Kind::kUint: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.u));
        return buf;
      }
      case Value::Kind::kList: {
        std::string out = "[]interface {}{";
        for (size_t i = 0; i < v.list.size(); ++i) out += (i ? ", " : "") + GoSyntax(v.list[i]);
        return out + "}";
      }
      case Value::Kind::kMap: {
        std::vector<const std::pair<std::string, Value>*> entries;
        for (const auto& e : v.map) entries.push_back(&e);
        std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
        std::string out = v.string_keys ? "map[string]interface {}{" : "map[interface {}]interface {}{";
        for (size_t i = 0; i < entries.size(); ++i) {
          out += (i ? ", " : "") + GoQuote(entries[i]->first) + ":" + GoSyntax(entries[i]->second);
        }
        return out + "}";
      }
      default: return GoSprint(v);
    }
  }

  bool Mapping(const Node* n, Value* out) {
    size_t before = type_errors_.size();
    for (size_t i = 0; i + 1 < n->content.size(); i += 2) {
      const Node* ni = n->content[i];
      for (size_t j = i + 2; j + 1 < n->content.size(); j += 2) {
        const Node* nj = n->content[j];
        if (ni->kind == nj->kind && ni->value == nj->value) {
          type_errors_.push_back("line " + std::to_string(nj->line) + ": mapping key " + GoQuote(nj->value) +
                                 " already defined at line " + std::to_string(ni->line));
        }
      }
    }
    if (type_errors_.size() > before) return false;

    *out = Value::Map();
    for (size_t i = 0; i + 1 < n->content.size(); i += 2) {
      std::string t = ShortTagOf(n->content[i]);
      if (t != "!!str" && t != "!!merge") out->string_keys = false;
    }
    std::set<std::string>* merged = merged_fields_;
    merged_fields_ = nullptr;
    const Node* merge_node = nullptr;
    for (size_t i = 0; i + 1 < n->content.size(); i += 2) {
      const Node* kn = n->content[i];
      if (IsMerge(kn)) {
        merge_node = n->content[i + 1];
        continue;
      }
      Value k;
      if (!Decode(kn, &k)) {
        if (!fatal_.empty()) return false;
        continue;
      }
      if (k.kind == Value::Kind::kList || k.kind == Value::Kind::kMap) {
        fatal_ = "invalid map key: " + GoSyntax(k);
        return false;
      }
      std::string key = KeyText(k);
      if (merged) {
        if (merged->count(key)) continue;
        merged->insert(key);
      }
      Value v;
      bool ok = Decode(n->content[i + 1], &v);
      if (!fatal_.empty()) return false;
      if (ok || ShortTagOf(n->content[i + 1]) == "!!null") out->Set(key, std::move(v));
    }
    if (merge_node) {
      if (!Merge(n, merge_node, out)) return false;
    }
    merged_fields_ = merged;
    return true;
  }

  bool Merge(const Node* parent, const Node* merge, Value* out) {
    std::set<std::string>* saved = merged_fields_;
    std::set<std::string> fields;
    if (!saved) {
      for (size_t i = 0; i + 1 < parent->content.size(); i += 2) {
        Value k;
        if (Decode(parent->content[i], &k)) fields.insert(KeyText(k));
      }
      merged_fields_ = &fields;
    }
    auto want_map = [&] {
      fatal_ = "map merge requires map or sequence of maps as the value";
      return false;
    };
    auto merge_one = [&](const Node* m) {
      Value tmp;
      // Decoding into the same Go map: keys already set (or merged) win.
      const Node* target = m->kind == NodeKind::kAlias ? m->alias : m;
      if (!target || target->kind != NodeKind::kMapping) return want_map();
      if (!MergeInto(target, out)) return false;
      return true;
    };
    bool ok = true;
    switch (merge->kind) {
      case NodeKind::kMapping:
      case NodeKind::kAlias:
        ok = merge_one(merge);
        break;
      case NodeKind::kSequence:
        for (const Node* m : merge->content) {
          if (m->kind == NodeKind::kAlias) {
            if (m->alias && m->alias->kind != NodeKind::kMapping) return want_map();
          } else if (m->kind != NodeKind::kMapping) {
            return want_map();
          }
          if (!merge_one(m)) return false;
        }
        break;
      default:
        return want_map();
    }
    merged_fields_ = saved;
    return ok;
  }

  // Decodes mapping `m` into the existing map `out`, skipping keys that the
  // merge already has.
  bool MergeInto(const Node* m, Value* out) {
    Value decoded;
    std::set<std::string>* fields = merged_fields_;
    // Mapping() resets merged_fields_ for nested maps; emulate yaml.v3, which
    // decodes straight into the parent map with the merged-field set active.
    size_t before = type_errors_.size();
    for (size_t i = 0; i + 1 < m->content.size(); i += 2) {
      for (size_t j = i + 2; j + 1 < m->content.size(); j += 2) {
        if (m->content[i]->kind == m->content[j]->kind && m->content[i]->value == m->content[j]->value) {
          type_errors_.push_back("line " + std::to_string(m->content[j]->line) + ": mapping key " +
                                 GoQuote(m->content[j]->value) + " already defined at line " +
                                 std::to_string(m->content[i]->line));
        }
      }
    }
    if (type_errors_.size() > before) return false;
    const Node* nested_merge = nullptr;
    for (size_t i = 0; i + 1 < m->content.size(); i += 2) {
      const Node* kn = m->content[i];
      if (IsMerge(kn)) {
        nested_merge = m->content[i + 1];
        continue;
      }
      Value k;
      merged_fields_ = nullptr;
      bool ok = Decode(kn, &k);
      merged_fields_ = fields;
      if (!ok) {
        if (!fatal_.empty()) return false;
        continue;
      }
      std::string key = KeyText(k);
      if (fields->count(key)) continue;
      fields->insert(key);
      Value v;
      merged_fields_ = nullptr;
      ok = Decode(m->content[i + 1], &v);
      merged_fields_ = fields;
      if (!fatal_.empty()) return false;
      if (ShortTagOf(kn) != "!!str") out->string_keys = false;
      if (ok || ShortTagOf(m->content[i + 1]) == "!!null") out->Set(key, std::move(v));
    }
    if (nested_merge) return Merge(m, nested_merge, out);
    return true;
  }

  double AllowedAliasRatio() const {
    const double low = 400000, high = 4000000;
    double count = static_cast<double>(decode_count_);
    if (count <= low) return 0.99;
    if (count >= high) return 0.10;
    return 0.99 - 0.89 * ((count - low) / (high - low));
  }

  std::vector<std::string> type_errors_;
  std::string fatal_;
  int64_t decode_count_ = 0;
  int64_t alias_count_ = 0;
  int alias_depth_ = 0;
  std::set<const Node*> active_aliases_;
  std::set<std::string>* merged_fields_ = nullptr;
};

// yaml.v3's reader rejects bytes that are not UTF-8 and control characters.
std::string CheckInput(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int w = 0;
    uint32_t v = 0;
    if ((c & 0x80) == 0) {
      w = 1;
      v = c;
    } else if ((c & 0xE0) == 0xC0) {
      w = 2;
      v = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      w = 3;
      v = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      w = 4;
      v = c & 0x07;
    } else {
      return "invalid leading UTF-8 octet";
    }
    if (i + w > text.size()) return "incomplete UTF-8 octet sequence";
    for (int k = 1; k < w; ++k) {
      unsigned char o = static_cast<unsigned char>(text[i + k]);
      if ((o & 0xC0) != 0x80) return "invalid trailing UTF-8 octet";
      v = (v << 6) + (o & 0x3F);
    }
    if ((w == 2 && v < 0x80) || (w == 3 && v < 0x800) || (w == 4 && v < 0x10000)) {
      return "invalid length of a UTF-8 sequence";
    }
    if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) return "invalid Unicode character";
    bool allowed = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0x7E) || v == 0x85 ||
                   (v >= 0xA0 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
    if (!allowed) return "control characters are not allowed";
    i += w;
  }
  return "";
}

}  // namespace

std::string ImplicitTag(const std::string& plain) { return ResolvePlain(plain).tag; }

Result<Value> ParseYaml(const std::string& text) {
  std::string input = text.empty() ? std::string("\n") : text;
  // libyaml's reader drops a leading byte-order mark before scanning, so it
  // does not count as a column.
  if (input.compare(0, 3, "\xEF\xBB\xBF") == 0) input = input.size() == 3 ? "\n" : input.substr(3);
  std::string bad = CheckInput(input);
  if (!bad.empty()) return Status::InvalidArgument("yaml: " + bad);
  Parser parser(input);
  std::string error;
  Node* root = parser.ParseDocument(&error);
  if (!parser.fatal().empty()) return Status::InvalidArgument("yaml: " + parser.fatal());
  if (!error.empty()) return Status::InvalidArgument(error);
  if (!root) return Value::Null();
  Decoder decoder;
  Value out;
  decoder.Decode(root, &out);
  if (!decoder.fatal().empty()) return Status::InvalidArgument("yaml: " + decoder.fatal());
  if (!decoder.type_errors().empty()) {
    std::string msg = "yaml: unmarshal errors:";
    for (const auto& e : decoder.type_errors()) msg += "\n  " + e;
    return Status::InvalidArgument(msg);
  }
  return out;
}

}  // namespace swarmsim::compose
