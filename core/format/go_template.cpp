#include "core/format/go_template.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace swarmsim {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// Lexing. Like Go's lexer, text and actions become one stream of items, each
// knowing its byte offset (for error columns) and line (for parse errors).

enum class Tok {
  kText, kLeftDelim, kRightDelim, kSpace, kField, kVariable, kIdentifier, kDot, kString, kRawString,
  kNumber, kChar, kCharConstant, kPipe, kLeftParen, kRightParen, kDeclare, kAssign, kBool, kNil, kError, kEOF,
  // keywords
  kIf, kElse, kEnd, kRange, kWith, kBreak, kContinue, kDefine, kTemplate, kBlock,
};

// Go counts "." and nil among its keywords: they print as <.> and <nil>.
bool IsKeyword(Tok t) { return t >= Tok::kIf || t == Tok::kDot || t == Tok::kNil; }

struct Item {
  Tok type;
  size_t pos;
  int line;
  std::string val;
};

// Go's item.String(), used in "unexpected ..." messages.
std::string Quote(const std::string& s);
std::string GoQuote(const std::string& s);  // Go's %q
std::string Describe(const Item& it) {
  if (it.type == Tok::kEOF) return "EOF";
  if (it.type == Tok::kError) return it.val;
  if (IsKeyword(it.type)) return "<" + it.val + ">";
  if (it.val.size() > 10) return Quote(it.val.substr(0, 10)) + "...";
  return Quote(it.val);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAlnum(unsigned char c) { return c == '_' || std::isalnum(c) || c >= 0x80; }

class Lexer {
 public:
  explicit Lexer(const std::string& text) : s_(text) {}

  std::vector<Item> Run() {
    while (!done_) LexText();
    return items_;
  }

 private:
  int LineAt(size_t pos) const {
    int line = 1;
    for (size_t i = 0; i < pos && i < s_.size(); ++i) line += s_[i] == '\n';
    return line;
  }
  void Emit(Tok t, size_t start, size_t end) { items_.push_back({t, start, LineAt(start), s_.substr(start, end - start)}); }
  void Error(const std::string& msg, size_t at) {
    items_.push_back({Tok::kError, at, LineAt(at), msg});
    done_ = true;
  }
  bool HasLeftTrim(size_t p) const { return p + 1 < s_.size() && s_[p] == '-' && IsSpace(s_[p + 1]); }
  // " -}}" or "}}" at p: returns the length of the delimiter, 0 if none.
  size_t RightDelimAt(size_t p, bool* trim) const {
    if (p + 1 < s_.size() && IsSpace(s_[p]) && s_[p + 1] == '-' && s_.compare(p + 2, 2, "}}") == 0) {
      *trim = true;
      return 4;
    }
    *trim = false;
    return s_.compare(p, 2, "}}") == 0 ? 2 : 0;
  }

  void LexText() {
    size_t open = s_.find("{{", pos_);
    if (open == std::string::npos) {
      if (pos_ < s_.size()) Emit(Tok::kText, pos_, s_.size());
      items_.push_back({Tok::kEOF, s_.size(), LineAt(s_.size()), ""});
      done_ = true;
      return;
    }
    bool trim = HasLeftTrim(open + 2);
    size_t text_end = open;
    if (trim) {
      while (text_end > pos_ && IsSpace(s_[text_end - 1])) --text_end;
    }
    if (text_end > pos_) Emit(Tok::kText, pos_, text_end);
    size_t after = open + 2 + (trim ? 2 : 0);
    if (s_.compare(after, 2, "/*") == 0) {
      LexComment(after);
      return;
    }
    Emit(Tok::kLeftDelim, open, open + 2);
    pos_ = after;
    LexInsideAction();
  }

  void LexComment(size_t start) {
    size_t close = s_.find("*/", start + 2);
    if (close == std::string::npos) return Error("unclosed comment", start);
    bool trim;
    size_t len = RightDelimAt(close + 2, &trim);
    if (len == 0) return Error("comment ends before closing delimiter", close + 2);
    pos_ = close + 2 + len;
    if (trim) SkipLeadingSpace();
  }

  void SkipLeadingSpace() {
    while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
  }

  void LexInsideAction() {
    int paren_depth = 0;
    for (;;) {
      bool trim;
      if (size_t len = RightDelimAt(pos_, &trim)) {
        if (paren_depth != 0) return Error("unclosed left paren", pos_);
        Emit(Tok::kRightDelim, pos_ + (trim ? 2 : 0), pos_ + len);
        pos_ += len;
        if (trim) SkipLeadingSpace();
        return;
      }
      if (pos_ >= s_.size()) return Error("unclosed action", pos_);
      size_t start = pos_;
      char c = s_[pos_];
      if (IsSpace(c)) {
        while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
        // The space right before "-}}" belongs to the trimming delimiter.
        if (s_.compare(pos_, 3, "-}}") == 0) {
          --pos_;
          if (pos_ == start) continue;
        }
        Emit(Tok::kSpace, start, pos_);
        continue;
      }
      ++pos_;
      switch (c) {
        case '=': Emit(Tok::kAssign, start, pos_); continue;
        case ':':
          if (pos_ >= s_.size() || s_[pos_] != '=') return Error("expected :=", start);
          ++pos_;
          Emit(Tok::kDeclare, start, pos_);
          continue;
        case '|': Emit(Tok::kPipe, start, pos_); continue;
        case '"': if (!LexQuote(start)) return; continue;
        case '`': {
          size_t end = s_.find('`', pos_);
          if (end == std::string::npos) return Error("unterminated raw quoted string", start);
          pos_ = end + 1;
          Emit(Tok::kRawString, start, pos_);
          continue;
        }
        case '\'': if (!LexCharConstant(start)) return; continue;
        case '$': if (!LexFieldOrVariable(start, Tok::kVariable)) return; continue;
        case '(': Emit(Tok::kLeftParen, start, pos_); ++paren_depth; continue;
        case ')':
          Emit(Tok::kRightParen, start, pos_);
          if (--paren_depth < 0) return Error("unexpected right paren", start);
          continue;
        default: break;
      }
      if (c == '.' && !(pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])))) {
        if (!LexFieldOrVariable(start, Tok::kField)) return;
        continue;
      }
      if (c == '.' || c == '+' || c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
        pos_ = start;
        if (!LexNumber()) return;
        continue;
      }
      if (IsAlnum(static_cast<unsigned char>(c))) {
        pos_ = start;
        if (!LexIdentifier()) return;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80 && std::isprint(static_cast<unsigned char>(c))) {
        Emit(Tok::kChar, start, pos_);
        continue;
      }
      char buf[48];
      std::snprintf(buf, sizeof buf, "unrecognized character in action: U+%04X", static_cast<unsigned char>(c));
      return Error(buf, start);
    }
  }

  bool AtTerminator() const {
    if (pos_ >= s_.size()) return true;
    char c = s_[pos_];
    if (IsSpace(c) || c == '.' || c == ',' || c == '|' || c == ':' || c == ')' || c == '(') return true;
    return s_.compare(pos_, 2, "}}") == 0;
  }

  bool LexFieldOrVariable(size_t start, Tok type) {
    while (pos_ < s_.size() && IsAlnum(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (type == Tok::kField && pos_ == start + 1) {
      Emit(Tok::kDot, start, pos_);
    } else {
      if (!AtTerminator()) return BadCharacter();
      Emit(type, start, pos_);
    }
    return true;
  }

  bool BadCharacter() {
    char buf[48];
    std::snprintf(buf, sizeof buf, "bad character U+%04X '%c'", static_cast<unsigned char>(s_[pos_]), s_[pos_]);
    Error(buf, pos_);
    return false;
  }

  bool LexIdentifier() {
    size_t start = pos_;
    while (pos_ < s_.size() && IsAlnum(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (!AtTerminator()) return BadCharacter();
    std::string w = s_.substr(start, pos_ - start);
    static const std::pair<const char*, Tok> kWords[] = {
        {"if", Tok::kIf},         {"else", Tok::kElse},         {"end", Tok::kEnd},
        {"range", Tok::kRange},   {"with", Tok::kWith},         {"break", Tok::kBreak},
        {"continue", Tok::kContinue}, {"define", Tok::kDefine}, {"template", Tok::kTemplate},
        {"block", Tok::kBlock},   {"nil", Tok::kNil},           {"true", Tok::kBool},
        {"false", Tok::kBool}};
    Tok t = Tok::kIdentifier;
    for (const auto& [word, tok] : kWords) {
      if (w == word) t = tok;
    }
    Emit(t, start, pos_);
    return true;
  }

  bool LexNumber() {
    size_t start = pos_;
    if (s_[pos_] == '+' || s_[pos_] == '-') ++pos_;
    auto digits = [&](const char* set) {
      while (pos_ < s_.size() && (std::strchr(set, s_[pos_]) != nullptr) && s_[pos_] != '\0') ++pos_;
    };
    const char* dec = "0123456789_";
    if (s_.compare(pos_, 2, "0x") == 0 || s_.compare(pos_, 2, "0X") == 0) {
      pos_ += 2;
      digits("0123456789abcdefABCDEF_");
    } else {
      digits(dec);
      if (pos_ < s_.size() && s_[pos_] == '.') {
        ++pos_;
        digits(dec);
      }
      if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
        digits(dec);
      }
    }
    if (pos_ < s_.size() && IsAlnum(static_cast<unsigned char>(s_[pos_]))) {
      ++pos_;  // Go quotes the number and the one character that spoiled it
      Error("bad number syntax: " + Quote(s_.substr(start, pos_ - start)), start);
      return false;
    }
    bool any_digit = false;
    for (size_t i = start; i < pos_; ++i) any_digit |= std::isdigit(static_cast<unsigned char>(s_[i])) != 0;
    if (!any_digit) {
      Error("illegal number syntax: " + Quote(s_.substr(start, pos_ - start)), start);
      return false;
    }
    Emit(Tok::kNumber, start, pos_);
    return true;
  }

  bool LexQuote(size_t start) {
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] != '\n') ++pos_;
      if (s_[pos_] == '\n') break;
      ++pos_;
    }
    if (pos_ >= s_.size() || s_[pos_] != '"') {
      Error("unterminated quoted string", start);
      return false;
    }
    ++pos_;
    Emit(Tok::kString, start, pos_);
    return true;
  }

  bool LexCharConstant(size_t start) {
    while (pos_ < s_.size() && s_[pos_] != '\'') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
      if (s_[pos_] == '\n') break;
      ++pos_;
    }
    if (pos_ >= s_.size() || s_[pos_] != '\'') {
      Error("unterminated character constant", start);
      return false;
    }
    ++pos_;
    Emit(Tok::kCharConstant, start, pos_);
    return true;
  }

  const std::string& s_;
  size_t pos_ = 0;
  bool done_ = false;
  std::vector<Item> items_;
};

// Go's strconv.Quote, close enough for messages: printable ASCII and UTF-8 kept.
std::string Quote(const std::string& s) { return GoQuote(s); }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// strconv.Unquote of a "..." or '...' literal's body; false on a bad escape.
bool Unescape(const std::string& body, std::string* out) {
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      *out += body[i];
      continue;
    }
    if (++i >= body.size()) return false;
    char e = body[i];
    auto hex = [&](size_t n, uint32_t* v) {
      *v = 0;
      for (size_t k = 1; k <= n; ++k) {
        if (i + k >= body.size() || !std::isxdigit(static_cast<unsigned char>(body[i + k]))) return false;
        char h = body[i + k];
        *v = *v * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
      }
      i += n;
      return true;
    };
    uint32_t v = 0;
    switch (e) {
      case 'a': *out += '\a'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'v': *out += '\v'; break;
      case '\\': *out += '\\'; break;
      case '"': *out += '"'; break;
      case '\'': *out += '\''; break;
      case 'x': if (!hex(2, &v)) return false; *out += static_cast<char>(v); break;
      case 'u': if (!hex(4, &v)) return false; AppendUtf8(v, out); break;
      case 'U': if (!hex(8, &v) || v > 0x10FFFF) return false; AppendUtf8(v, out); break;
      default:
        if (e >= '0' && e <= '7' && i + 2 < body.size()) {
          v = 0;
          for (int k = 0; k < 3; ++k) {
            char o = body[i + static_cast<size_t>(k)];
            if (o < '0' || o > '7') return false;
            v = v * 8 + static_cast<uint32_t>(o - '0');
          }
          if (v > 255) return false;
          *out += static_cast<char>(v);
          i += 2;
          break;
        }
        return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// The parse tree.

struct Pipe;

struct Arg {
  enum Kind { kField, kVariable, kDot, kNil, kBool, kNumber, kString, kIdentifier, kPipe, kChain } kind;
  size_t pos = 0;
  std::vector<std::string> idents;  // kField: names; kVariable: "$x" then names; kChain: names
  std::string text;                 // source text of literals, identifier name
  json literal;                     // kBool, kNumber, kString
  std::shared_ptr<Pipe> pipe;       // kPipe; kChain: the parenthesised base
  std::string String() const;
};

struct Command {
  size_t pos = 0;
  std::vector<Arg> args;
  std::string String() const {
    std::string s;
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) s += ' ';
      s += args[i].kind == Arg::kPipe ? "(" + args[i].String() + ")" : args[i].String();
    }
    return s;
  }
};

struct Pipe {
  size_t pos = 0;
  bool is_assign = false;
  std::vector<std::string> decl;
  std::vector<Command> cmds;
  std::string String() const {
    std::string s;
    if (!decl.empty()) {
      for (size_t i = 0; i < decl.size(); ++i) {
        if (i) s += ", ";
        s += decl[i];
      }
      s += is_assign ? " = " : " := ";
    }
    for (size_t i = 0; i < cmds.size(); ++i) {
      if (i) s += " | ";
      s += cmds[i].String();
    }
    return s;
  }
};

std::string Arg::String() const {
  auto join = [](const std::vector<std::string>& v, size_t from) {
    std::string s;
    for (size_t i = from; i < v.size(); ++i) s += "." + v[i];
    return s;
  };
  switch (kind) {
    case kField: return join(idents, 0);
    case kVariable: return idents[0] + join(idents, 1);
    case kDot: return ".";
    case kNil: return "nil";
    case kPipe: return pipe->String();
    case kChain: return "(" + pipe->String() + ")" + join(idents, 0);
    default: return text;
  }
}

struct Node {
  enum Kind { kList, kText, kAction, kIf, kWith, kRange, kBreak, kContinue } kind = kList;
  size_t pos = 0;
  std::string text;
  Pipe pipe;
  std::vector<Node> list;
  std::vector<Node> else_list;
  bool has_else = false;
};

}  // namespace

struct GoTemplate::Tree {
  std::string text;
  std::vector<Node> root;
};

namespace {

const char* const kFunctions[] = {"and",   "or",      "not",   "len",  "index", "slice", "print", "printf",
                                  "println", "eq",    "ne",    "lt",   "le",    "gt",    "ge",    "html",
                                  "js",    "urlquery", "json", "join", "split", "lower", "upper", "title",
                                  "pad",   "truncate"};

bool HasFunction(const std::string& name) {
  for (const char* f : kFunctions) {
    if (name == f) return true;
  }
  return false;
}

// Parse errors unwind as a Status through every level.
class Parser {
 public:
  explicit Parser(std::vector<Item> items) : items_(std::move(items)) {}

  Status Parse(std::vector<Node>* root) {
    vars_ = {"$"};
    while (Peek().type != Tok::kEOF) {
      Node n;
      Tok stop;
      SWARMSIM_RETURN_IF_ERROR(TextOrAction(&n, &stop));
      if (stop == Tok::kEnd || stop == Tok::kElse) {
        return Errorf(std::string("unexpected {{") + (stop == Tok::kEnd ? "end" : "else") + "}}");
      }
      if (stop == Tok::kEOF) root->push_back(std::move(n));
    }
    return Status::OK();
  }

 private:
  const Item& Next() {
    const Item& it = items_[std::min(pos_, items_.size() - 1)];
    if (pos_ < items_.size()) ++pos_;
    last_line_ = it.line;
    return it;
  }
  const Item& Peek() const { return items_[std::min(pos_, items_.size() - 1)]; }
  void Backup() { --pos_; }
  const Item& NextNonSpace() {
    while (Peek().type == Tok::kSpace) Next();
    return Next();
  }
  const Item& PeekNonSpace() {
    while (Peek().type == Tok::kSpace) Next();
    return Peek();
  }
  Status Errorf(const std::string& msg) const {
    return Status::InvalidArgument("template: :" + std::to_string(last_line_) + ": " + msg);
  }
  Status Unexpected(const Item& it, const std::string& context) const {
    if (it.type == Tok::kError) return Errorf(it.val);
    return Errorf("unexpected " + Describe(it) + " in " + context);
  }

  // One piece of a list. `stop` tells the caller whether it was an ordinary node
  // (kEOF, meaning "use n"), {{end}}, {{else}}, or a comment-only gap (kSpace).
  Status TextOrAction(Node* n, Tok* stop) {
    const Item& it = NextNonSpace();
    *stop = Tok::kEOF;
    if (it.type == Tok::kText) {
      n->kind = Node::kText;
      n->pos = it.pos;
      n->text = it.val;
      return Status::OK();
    }
    if (it.type == Tok::kLeftDelim) return Action(n, stop);
    return Unexpected(it, "input");
  }

  Status Action(Node* n, Tok* stop) {
    const Item& it = NextNonSpace();
    switch (it.type) {
      case Tok::kElse: {
        const Item& peek = PeekNonSpace();
        *stop = Tok::kElse;
        else_chain_ = peek.type == Tok::kIf || peek.type == Tok::kWith;
        if (else_chain_) return Status::OK();
        return Expect(Tok::kRightDelim, "else");
      }
      case Tok::kEnd:
        *stop = Tok::kEnd;
        return Expect(Tok::kRightDelim, "end");
      case Tok::kIf: return Control(Node::kIf, "if", n);
      case Tok::kWith: return Control(Node::kWith, "with", n);
      case Tok::kRange: {
        ++range_depth_;
        Status st = Control(Node::kRange, "range", n);
        --range_depth_;
        return st;
      }
      case Tok::kBreak:
      case Tok::kContinue: {
        bool brk = it.type == Tok::kBreak;
        if (range_depth_ == 0) return Errorf(std::string("{{") + (brk ? "break" : "continue") + "}} outside {{range}}");
        n->kind = brk ? Node::kBreak : Node::kContinue;
        n->pos = it.pos;
        return Expect(Tok::kRightDelim, brk ? "break" : "continue");
      }
      case Tok::kDefine:
      case Tok::kTemplate:
      case Tok::kBlock:
        return Errorf("{{" + it.val + "}} is not supported");
      default: break;
    }
    Backup();
    n->kind = Node::kAction;
    n->pos = Peek().pos;
    return Pipeline("command", &n->pipe);
  }

  Status Expect(Tok type, const std::string& context) {
    const Item& it = NextNonSpace();
    if (it.type != type) return Unexpected(it, context);
    return Status::OK();
  }

  // {{if/with/range pipeline}} list [{{else}} list | {{else if/with ...}}] {{end}}
  Status Control(Node::Kind kind, const std::string& context, Node* n) {
    size_t vars_mark = vars_.size();
    n->kind = kind;
    SWARMSIM_RETURN_IF_ERROR(Pipeline(context, &n->pipe));
    n->pos = n->pipe.pos;
    Tok stop;
    SWARMSIM_RETURN_IF_ERROR(ItemList(&n->list, &stop));
    if (stop == Tok::kElse) {
      n->has_else = true;
      const Item& peek = PeekNonSpace();
      bool chain = else_chain_ && ((kind == Node::kIf && peek.type == Tok::kIf) ||
                                   (kind == Node::kWith && peek.type == Tok::kWith));
      if (else_chain_ && !chain) {
        Next();
        return Unexpected(peek, "input");
      }
      else_chain_ = false;
      if (chain) {
        // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing the one {{end}}.
        const Item& kw = Next();
        Node inner;
        SWARMSIM_RETURN_IF_ERROR(Control(kw.type == Tok::kIf ? Node::kIf : Node::kWith, kw.val, &inner));
        n->else_list.push_back(std::move(inner));
      } else {
        SWARMSIM_RETURN_IF_ERROR(ItemList(&n->else_list, &stop));
        if (stop != Tok::kEnd) return Errorf("expected end; found {{else}}");
      }
    }
    vars_.resize(vars_mark);
    return Status::OK();
  }

  Status ItemList(std::vector<Node>* list, Tok* stop) {
    while (PeekNonSpace().type != Tok::kEOF) {
      if (PeekNonSpace().type == Tok::kError) return Errorf(Next().val);
      Node n;
      SWARMSIM_RETURN_IF_ERROR(TextOrAction(&n, stop));
      if (*stop == Tok::kEnd || *stop == Tok::kElse) return Status::OK();
      list->push_back(std::move(n));
    }
    Next();
    return Errorf("unexpected EOF");
  }

  // Reads a pipeline up to `end`: "}}" in an action, ")" in parentheses.
  Status Pipeline(const std::string& context, Pipe* pipe, Tok end = Tok::kRightDelim) {
    pipe->pos = PeekNonSpace().pos;
    // Declarations: "$x :=", "$x =", "$i, $e :=" (range only).
    for (;;) {
      if (PeekNonSpace().type != Tok::kVariable) break;
      size_t save = pos_;
      const Item v = Next();
      const Item& after = PeekNonSpace();
      if (after.type == Tok::kDeclare || after.type == Tok::kAssign) {
        pipe->is_assign = after.type == Tok::kAssign;
        Next();
        pipe->decl.push_back(v.val);
        vars_.push_back(v.val);
        break;
      }
      if (after.type == Tok::kChar && after.val == ",") {
        Next();
        pipe->decl.push_back(v.val);
        vars_.push_back(v.val);
        if (context == "range" && pipe->decl.size() < 2) {
          Tok t = PeekNonSpace().type;
          if (t == Tok::kVariable || t == Tok::kRightDelim || t == Tok::kRightParen) continue;
          return Errorf("range can only initialize variables");
        }
        return Errorf("too many declarations in " + context);
      }
      pos_ = save;
      break;
    }
    for (;;) {
      const Item& it = NextNonSpace();
      switch (it.type) {
        case Tok::kRightDelim:
        case Tok::kRightParen: {
          if (it.type != end) return Unexpected(it, context);
          if (pipe->cmds.empty()) return Errorf("missing value for " + context);
          for (size_t i = 1; i < pipe->cmds.size(); ++i) {
            Arg::Kind k = pipe->cmds[i].args[0].kind;
            if (k == Arg::kBool || k == Arg::kDot || k == Arg::kNil || k == Arg::kNumber || k == Arg::kString) {
              return Errorf("non executable command in pipeline stage " + std::to_string(i + 1));
            }
          }
          if (it.type == Tok::kRightParen) Backup();
          return Status::OK();
        }
        case Tok::kBool: case Tok::kCharConstant: case Tok::kDot: case Tok::kField: case Tok::kIdentifier:
        case Tok::kNumber: case Tok::kNil: case Tok::kRawString: case Tok::kString: case Tok::kVariable:
        case Tok::kLeftParen: {
          Backup();
          Command cmd;
          SWARMSIM_RETURN_IF_ERROR(ParseCommand(&cmd));
          pipe->cmds.push_back(std::move(cmd));
          break;
        }
        default: return Unexpected(it, context);
      }
    }
  }

  Status ParseCommand(Command* cmd) {
    cmd->pos = PeekNonSpace().pos;
    for (;;) {
      PeekNonSpace();
      Arg arg;
      bool have = false;
      SWARMSIM_RETURN_IF_ERROR(Operand(&arg, &have));
      if (have) cmd->args.push_back(std::move(arg));
      const Item& it = Next();
      switch (it.type) {
        case Tok::kSpace: continue;
        case Tok::kError: return Errorf(it.val);
        case Tok::kRightDelim:
        case Tok::kRightParen: Backup(); break;
        case Tok::kPipe: break;
        default: return Errorf("unexpected " + Describe(it) + " in operand");
      }
      break;
    }
    if (cmd->args.empty()) return Errorf("empty command");
    return Status::OK();
  }

  Status Operand(Arg* arg, bool* have) {
    SWARMSIM_RETURN_IF_ERROR(Term(arg, have));
    if (!*have || Peek().type != Tok::kField) return Status::OK();
    size_t chain_pos = Peek().pos;
    std::vector<std::string> more;
    while (Peek().type == Tok::kField) more.push_back(Next().val.substr(1));
    switch (arg->kind) {
      case Arg::kField:
      case Arg::kVariable:
        arg->idents.insert(arg->idents.end(), more.begin(), more.end());
        arg->pos = chain_pos;  // Go positions a chained field at its second part
        return Status::OK();
      case Arg::kBool: case Arg::kString: case Arg::kNumber: case Arg::kNil: case Arg::kDot:
        return Errorf("unexpected . after term " + Quote(arg->String()));
      default: {
        Arg chain;
        chain.kind = Arg::kChain;
        chain.pos = chain_pos;
        chain.idents = std::move(more);
        if (arg->kind == Arg::kPipe) {
          chain.pipe = arg->pipe;
        } else {  // an identifier: wrap it as a one-command pipeline
          chain.pipe = std::make_shared<Pipe>();
          chain.pipe->pos = arg->pos;
          Command c;
          c.pos = arg->pos;
          c.args.push_back(*arg);
          chain.pipe->cmds.push_back(std::move(c));
        }
        *arg = std::move(chain);
        return Status::OK();
      }
    }
  }

  Status Term(Arg* arg, bool* have) {
    const Item& it = NextNonSpace();
    *have = true;
    arg->pos = it.pos;
    arg->text = it.val;
    switch (it.type) {
      case Tok::kError: return Errorf(it.val);
      case Tok::kIdentifier:
        if (!HasFunction(it.val)) return Errorf("function " + Quote(it.val) + " not defined");
        arg->kind = Arg::kIdentifier;
        return Status::OK();
      case Tok::kDot: arg->kind = Arg::kDot; return Status::OK();
      case Tok::kNil: arg->kind = Arg::kNil; return Status::OK();
      case Tok::kVariable: {
        arg->kind = Arg::kVariable;
        arg->idents = {it.val};
        for (const auto& name : vars_) {
          if (name == it.val) return Status::OK();
        }
        return Errorf("undefined variable " + Quote(it.val));
      }
      case Tok::kField:
        arg->kind = Arg::kField;
        arg->idents = {it.val.substr(1)};
        return Status::OK();
      case Tok::kBool:
        arg->kind = Arg::kBool;
        arg->literal = it.val == "true";
        return Status::OK();
      case Tok::kNumber:
      case Tok::kCharConstant: return Number(it, arg);
      case Tok::kLeftParen: {
        arg->kind = Arg::kPipe;
        arg->pipe = std::make_shared<Pipe>();
        SWARMSIM_RETURN_IF_ERROR(Pipeline("parenthesized pipeline", arg->pipe.get(), Tok::kRightParen));
        const Item& close = Next();
        if (close.type != Tok::kRightParen) return Errorf("unclosed right paren: unexpected " + Describe(close));
        return Status::OK();
      }
      case Tok::kString: {
        std::string s;
        if (!Unescape(it.val.substr(1, it.val.size() - 2), &s)) return Errorf("invalid syntax");
        arg->kind = Arg::kString;
        arg->literal = s;
        return Status::OK();
      }
      case Tok::kRawString: {
        std::string s = it.val.substr(1, it.val.size() - 2);
        s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
        arg->kind = Arg::kString;
        arg->literal = s;
        return Status::OK();
      }
      default:
        Backup();
        *have = false;
        return Status::OK();
    }
  }

  Status Number(const Item& it, Arg* arg) {
    arg->kind = Arg::kNumber;
    if (it.type == Tok::kCharConstant) {
      std::string s;
      bool ok = Unescape(it.val.substr(1, it.val.size() - 2), &s) && !s.empty();
      if (ok) {  // exactly one character
        unsigned char lead = static_cast<unsigned char>(s[0]);
        ok = s.size() == (lead < 0x80 ? 1u : lead >= 0xF0 ? 4u : lead >= 0xE0 ? 3u : 2u);
      }
      if (!ok) {
        return Errorf("malformed character constant: " + it.val);
      }
      uint32_t cp = static_cast<unsigned char>(s[0]);
      if (cp >= 0xC0) {  // decode UTF-8
        size_t len = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
        cp &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
        for (size_t k = 1; k < len && k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
      }
      arg->literal = static_cast<int64_t>(cp);
      return Status::OK();
    }
    std::string t;
    for (char c : it.val) {
      if (c != '_') t += c;
    }
    bool is_hex = t.find("0x") != std::string::npos || t.find("0X") != std::string::npos;
    bool is_float = !is_hex && t.find_first_of(".eE") != std::string::npos;
    char* end = nullptr;
    errno = 0;
    if (is_float) {
      double d = std::strtod(t.c_str(), &end);
      if (*end != '\0') return Errorf("illegal number syntax: " + Quote(it.val));
      arg->literal = d;
    } else {
      long long v = std::strtoll(t.c_str(), &end, is_hex ? 16 : 10);
      if (*end != '\0') return Errorf("illegal number syntax: " + Quote(it.val));
      if (errno == ERANGE) return Errorf(it.val + " overflows int");
      arg->literal = static_cast<int64_t>(v);
    }
    return Status::OK();
  }

  std::vector<Item> items_;
  size_t pos_ = 0;
  int last_line_ = 1;
  std::vector<std::string> vars_;
  int range_depth_ = 0;
  bool else_chain_ = false;
};

// ---------------------------------------------------------------------------
// Values. A Value points into JSON that stays alive as long as the Value does:
// the caller's data (not owned) or a result some function built (owned, shared).
// A null pointer is Go's invalid reflect.Value: a key the map did not have.

struct Value {
  std::shared_ptr<const json> p;
  bool is_struct = false;
  // Read out of a []interface{} or map[string]interface{}: until a pipeline
  // unwraps it, Go sees its static type as interface {}.
  bool from_any = false;
  // What Go prints for this value when its typed field prints through a String
  // method (TemplateOptions::field_text); null: print the JSON value.
  std::shared_ptr<const std::string> text;
  bool valid() const { return p != nullptr; }
  const json& j() const { return *p; }
};

bool AllStrings(const json& j) {
  for (const auto& v : j) {
    if (!v.is_string()) return false;
  }
  return true;
}

Value Own(json j) { return Value{std::make_shared<const json>(std::move(j)), false, false}; }
Value Child(const Value& parent, const json& child) {
  const json& c = parent.j();
  bool any = !(c.is_object() && AllStrings(c)) && !(c.is_array() && !c.empty() && AllStrings(c));
  return Value{std::shared_ptr<const json>(parent.p, &child), false, any};
}
Value Invalid() { return Value{}; }

// The Go type a JSON value most plausibly came from, for error messages.
std::string TypeName(const Value& v, const TemplateOptions& opt) {
  if (!v.valid()) return "<nil>";
  const json& j = v.j();
  if (v.is_struct) return opt.struct_type;
  if (j.is_string()) return "string";
  if (j.is_boolean()) return "bool";
  if (j.is_number_integer() || j.is_number_unsigned()) return "int";
  if (j.is_number_float()) return "float64";
  if (j.is_array()) return AllStrings(j) && !j.empty() ? "[]string" : "[]interface {}";
  if (j.is_object()) return AllStrings(j) ? "map[string]string" : "map[string]interface {}";
  return "interface {}";
}

bool IsTrue(const Value& v) {
  if (!v.valid()) return false;
  const json& j = v.j();
  if (v.is_struct) return true;
  if (j.is_null()) return false;
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number_integer()) return j.get<int64_t>() != 0;
  if (j.is_number_unsigned()) return j.get<uint64_t>() != 0;
  if (j.is_number_float()) return j.get<double>() != 0;
  if (j.is_string()) return !j.get_ref<const std::string&>().empty();
  return !j.empty();
}

// Shortest decimal digits that read back as `d`, and the decimal exponent of the
// first digit: 1234.5 -> ("12345", 3).
void ShortestDigits(double d, std::string* digits, int* exp10) {
  char buf[40];
  for (int prec = 0; prec < 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  size_t e = s.find('e');
  *exp10 = std::atoi(s.c_str() + e + 1);
  digits->clear();
  for (size_t i = 0; i < e; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) *digits += s[i];
  }
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

// Digits placed as plain decimal: ("12345", 1) -> "12.345".
std::string PlainDecimal(const std::string& digits, int exp10) {
  std::string out;
  if (exp10 < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp10 - 1), '0') + digits;
  } else if (static_cast<size_t>(exp10) + 1 >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(exp10) + 1 - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<size_t>(exp10) + 1) + "." + digits.substr(static_cast<size_t>(exp10) + 1);
  }
  return out;
}

std::string Exponent(const std::string& digits, int exp10, bool two_digit_min) {
  std::string out = digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char buf[16];
  std::snprintf(buf, sizeof buf, two_digit_min ? "e%c%02d" : "e%c%d", exp10 < 0 ? '-' : '+', std::abs(exp10));
  return out + buf;
}

// fmt's %v of a float64: shortest digits, exponent form below 1e-4 or from 1e6.
std::string GoFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  std::string digits;
  int exp10;
  ShortestDigits(std::fabs(d), &digits, &exp10);
  std::string body = exp10 < -4 || exp10 >= 6 ? Exponent(digits, exp10, true) : PlainDecimal(digits, exp10);
  return d < 0 ? "-" + body : body;
}

// encoding/json's float64: plain below 1e21 and from 1e-6, else exponent ("1e-07").
std::string JsonFloat(double d) {
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  std::string digits;
  int exp10;
  ShortestDigits(std::fabs(d), &digits, &exp10);
  double a = std::fabs(d);
  std::string body = a < 1e-6 || a >= 1e21 ? Exponent(digits, exp10, false) : PlainDecimal(digits, exp10);
  return d < 0 ? "-" + body : body;
}

void JsonString(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        case '\b': *out += "\\b"; break;
        case '\f': *out += "\\f"; break;
        default:
          if (c < 0x20) {
            *out += "\\u00";
            *out += kHex[c >> 4];
            *out += kHex[c & 0xF];
          } else {
            *out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Copy a valid UTF-8 sequence; Go writes an invalid byte as \ufffd and the
    // line and paragraph separators escaped.
    size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (!ok) {
      *out += "\\ufffd";
      ++i;
      continue;
    }
    std::string seq = s.substr(i, len);
    if (seq == "\xe2\x80\xa8") *out += "\\u2028";
    else if (seq == "\xe2\x80\xa9") *out += "\\u2029";
    else *out += seq;
    i += len;
  }
  *out += '"';
}

void JsonValue(const json& v, std::string* out) {
  switch (v.type()) {
    case json::value_t::null: *out += "null"; break;
    case json::value_t::boolean: *out += v.get<bool>() ? "true" : "false"; break;
    case json::value_t::number_integer: *out += std::to_string(v.get<int64_t>()); break;
    case json::value_t::number_unsigned: *out += std::to_string(v.get<uint64_t>()); break;
    case json::value_t::number_float: *out += JsonFloat(v.get<double>()); break;
    case json::value_t::string: JsonString(v.get_ref<const std::string&>(), out); break;
    case json::value_t::array: {
      *out += '[';
      bool first = true;
      for (const auto& e : v) {
        if (!first) *out += ',';
        first = false;
        JsonValue(e, out);
      }
      *out += ']';
      break;
    }
    case json::value_t::object: {
      *out += '{';
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {  // std::map: keys already sorted
        if (!first) *out += ',';
        first = false;
        JsonString(it.key(), out);
        *out += ':';
        JsonValue(it.value(), out);
      }
      *out += '}';
      break;
    }
    default: *out += "null"; break;
  }
}

// ---------------------------------------------------------------------------
// Go's fmt.Sprintf for the verbs templates use.

size_t RuneCount(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c >> 6) != 2;
  return n;
}

std::string GoQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

struct Spec {
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  int width = -1, prec = -1;
  char verb = 'v';
};

std::string Pad(const std::string& s, const Spec& sp, bool numeric) {
  size_t n = RuneCount(s);
  if (sp.width < 0 || n >= static_cast<size_t>(sp.width)) return s;
  size_t fill = static_cast<size_t>(sp.width) - n;
  if (sp.minus) return s + std::string(fill, ' ');
  if (sp.zero && numeric) {
    size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return s.substr(0, sign) + std::string(fill, '0') + s.substr(sign);
  }
  return std::string(fill, ' ') + s;
}

std::string BadVerb(const Spec& sp, const json& v, const std::string& type) {
  if (v.is_null()) return std::string("%!") + sp.verb + "(<nil>)";
  return std::string("%!") + sp.verb + "(" + type + "=" + GoPrint(v) + ")";
}

std::string FormatOne(const Spec& sp, const json& v, const std::string& type);

// fmt applies a verb to each element of a list or map.
std::string FormatEach(const Spec& sp, const json& v) {
  std::string out = v.is_object() ? "map[" : "[";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += ' ';
    first = false;
    if (v.is_object()) out += FormatOne(sp, json(it.key()), "string") + ":";
    const json& e = it.value();
    out += FormatOne(sp, e, e.is_string() ? "string" : e.is_number_float() ? "float64" : e.is_boolean() ? "bool" : "int");
  }
  return out + "]";
}

std::string FormatOne(const Spec& sp, const json& v, const std::string& type) {
  char buf[512];
  switch (sp.verb) {
    case 'v':
      if (v.is_number_float() && sp.prec >= 0) {
        std::snprintf(buf, sizeof buf, "%.*g", sp.prec, v.get<double>());
        return Pad(buf, sp, true);
      }
      if (v.is_null()) return Pad("<nil>", sp, false);
      return Pad(GoPrint(v), sp, v.is_number());
    case 's':
    case 'q':
      if (v.is_string()) {
        std::string s = v.get<std::string>();
        if (sp.prec >= 0) {  // precision counts runes
          size_t runes = 0, i = 0;
          for (; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) >> 6) != 2 && runes++ == static_cast<size_t>(sp.prec)) break;
          }
          s = s.substr(0, i);
        }
        return Pad(sp.verb == 'q' ? GoQuote(s) : s, sp, false);
      }
      if (v.is_array() || v.is_object()) return Pad(FormatEach(sp, v), sp, false);
      if (sp.verb == 'q' && (v.is_number_integer() || v.is_number_unsigned())) {
        std::string ch;
        AppendUtf8(static_cast<uint32_t>(v.get<int64_t>()), &ch);
        return Pad("'" + ch + "'", sp, false);
      }
      return BadVerb(sp, v, type);
    case 'd': case 'x': case 'X': case 'o': case 'b': case 'c':
      if (v.is_number_integer() || v.is_number_unsigned()) {
        int64_t n = v.get<int64_t>();
        if (sp.verb == 'c') {
          std::string ch;
          AppendUtf8(static_cast<uint32_t>(n), &ch);
          return Pad(ch, sp, false);
        }
        uint64_t mag = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
        std::string digits;
        int base = sp.verb == 'd' ? 10 : sp.verb == 'o' ? 8 : sp.verb == 'b' ? 2 : 16;
        const char* set = sp.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
          digits.insert(digits.begin(), set[mag % static_cast<uint64_t>(base)]);
          mag /= static_cast<uint64_t>(base);
        } while (mag);
        if (sp.prec >= 0 && digits.size() < static_cast<size_t>(sp.prec)) {
          digits.insert(0, static_cast<size_t>(sp.prec) - digits.size(), '0');
        }
        if (sp.sharp && base == 16) digits = (sp.verb == 'X' ? "0X" : "0x") + digits;
        std::string sign = n < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
        return Pad(sign + digits, sp, true);
      }
      if (v.is_string() && (sp.verb == 'x' || sp.verb == 'X')) {
        std::string out;
        for (unsigned char c : v.get_ref<const std::string&>()) {
          std::snprintf(buf, sizeof buf, sp.verb == 'x' ? "%02x" : "%02X", c);
          out += buf;
        }
        return Pad(out, sp, false);
      }
      if (v.is_array() || v.is_object()) return Pad(FormatEach(sp, v), sp, false);
      return BadVerb(sp, v, type);
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
      if (v.is_number_float()) {
        char fmt[16];
        std::snprintf(fmt, sizeof fmt, "%%%s%s.*%c", sp.plus ? "+" : "", sp.space ? " " : "", sp.verb);
        int prec = sp.prec >= 0 ? sp.prec : (sp.verb == 'g' || sp.verb == 'G') ? -1 : 6;
        if (prec < 0) return Pad(GoFloat(v.get<double>()), sp, true);
        std::snprintf(buf, sizeof buf, fmt, prec, v.get<double>());
        return Pad(buf, sp, true);
      }
      if (v.is_array() || v.is_object()) return Pad(FormatEach(sp, v), sp, false);
      return BadVerb(sp, v, type);
    case 'U':
      if (v.is_number_integer() || v.is_number_unsigned()) {
        std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(v.get<int64_t>()));
        return Pad(buf, sp, false);
      }
      return BadVerb(sp, v, type);
    case 't':
      if (v.is_boolean()) return Pad(v.get<bool>() ? "true" : "false", sp, false);
      return BadVerb(sp, v, type);
    default:
      return BadVerb(sp, v, type);
  }
}

// ---------------------------------------------------------------------------
// Execution.

enum class Flow { kNormal, kBreak, kContinue };

class Exec {
 public:
  Exec(const GoTemplate::Tree& tree, const TemplateOptions& opt, std::string* out)
      : tree_(tree), opt_(opt), out_(out) {}

  Status Run(const Value& data) {
    vars_.push_back({"$", data});
    Flow flow = Flow::kNormal;
    return WalkList(data, tree_.root, &flow);
  }

 private:
  Status Error(size_t pos, const std::string& context, const std::string& msg) const {
    size_t nl = tree_.text.rfind('\n', pos == 0 ? 0 : pos - 1);
    if (pos == 0) nl = std::string::npos;
    size_t col = nl == std::string::npos ? pos : pos - nl - 1;
    int line = 1;
    for (size_t i = 0; i < pos && i < tree_.text.size(); ++i) line += tree_.text[i] == '\n';
    return Status::InvalidArgument("template: :" + std::to_string(line) + ":" + std::to_string(col) +
                                   ": executing \"\" at <" + context + ">: " + msg);
  }
  Status Error(const Arg& a, const std::string& msg) const { return Error(a.pos, a.String(), msg); }

  Status WalkList(const Value& dot, const std::vector<Node>& list, Flow* flow) {
    for (const Node& n : list) {
      SWARMSIM_RETURN_IF_ERROR(Walk(dot, n, flow));
      if (*flow != Flow::kNormal) return Status::OK();
    }
    return Status::OK();
  }

  Status Walk(const Value& dot, const Node& n, Flow* flow) {
    switch (n.kind) {
      case Node::kText: *out_ += n.text; return Status::OK();
      case Node::kAction: {
        Value v;
        SWARMSIM_RETURN_IF_ERROR(EvalPipeline(dot, n.pipe, &v));
        if (n.pipe.decl.empty()) *out_ += !v.valid() ? "<no value>" : v.text ? *v.text : GoPrint(v.j());
        return Status::OK();
      }
      case Node::kIf:
      case Node::kWith: {
        size_t mark = vars_.size();
        Value v;
        SWARMSIM_RETURN_IF_ERROR(EvalPipeline(dot, n.pipe, &v));
        Status st;
        if (IsTrue(v)) st = WalkList(n.kind == Node::kWith ? v : dot, n.list, flow);
        else if (n.has_else) st = WalkList(dot, n.else_list, flow);
        vars_.resize(mark);
        return st;
      }
      case Node::kRange: {
        size_t mark = vars_.size();
        Status st = Range(dot, n, flow);
        vars_.resize(mark);
        return st;
      }
      case Node::kBreak: *flow = Flow::kBreak; return Status::OK();
      case Node::kContinue: *flow = Flow::kContinue; return Status::OK();
      case Node::kList: return WalkList(dot, n.list, flow);
    }
    return Status::OK();
  }

  Status Range(const Value& dot, const Node& n, Flow* flow) {
    Value coll;
    SWARMSIM_RETURN_IF_ERROR(EvalPipeline(dot, n.pipe, &coll));
    size_t mark = vars_.size();
    size_t ndecl = n.pipe.decl.size();
    const Arg& at = n.pipe.cmds.back().args[0];  // Go reports the last node it evaluated
    auto once = [&](const Value& key, const Value& elem) -> Status {
      if (ndecl > 0) vars_[vars_.size() - 1].second = elem;
      if (ndecl > 1) vars_[vars_.size() - 2].second = key;
      Flow inner = Flow::kNormal;
      Status st = WalkList(elem, n.list, &inner);
      vars_.resize(mark);
      if (inner == Flow::kBreak) *flow = Flow::kBreak;
      return st;
    };
    bool iterated = false;
    if (coll.valid() && !coll.is_struct) {
      const json& c = coll.j();
      if (c.is_array() && !c.empty()) {
        iterated = true;
        for (size_t i = 0; i < c.size(); ++i) {
          SWARMSIM_RETURN_IF_ERROR(once(Own(json(static_cast<int64_t>(i))), Child(coll, c[i])));
          if (*flow == Flow::kBreak) break;
        }
      } else if (c.is_object() && !c.empty()) {
        iterated = true;
        for (auto it = c.begin(); it != c.end(); ++it) {
          SWARMSIM_RETURN_IF_ERROR(once(Own(json(it.key())), Child(coll, it.value())));
          if (*flow == Flow::kBreak) break;
        }
      } else if (c.is_number_integer() || c.is_number_unsigned()) {
        if (ndecl > 1) return Error(at, "can't use " + GoPrint(c) + " to iterate over more than one variable");
        int64_t count = c.get<int64_t>();
        iterated = count > 0;
        for (int64_t i = 0; i < count; ++i) {
          Value iv = Own(json(i));
          SWARMSIM_RETURN_IF_ERROR(once(iv, iv));
          if (*flow == Flow::kBreak) break;
        }
      } else if (!c.is_null() && !c.is_array() && !c.is_object()) {
        return Error(at, "range can't iterate over " + GoPrint(c));
      }
    }
    *flow = Flow::kNormal;  // break and continue stop at their range
    if (!iterated && n.has_else) return WalkList(dot, n.else_list, flow);
    return Status::OK();
  }

  Status EvalPipeline(const Value& dot, const Pipe& pipe, Value* out) {
    Value value;
    bool have_final = false;
    for (const Command& cmd : pipe.cmds) {
      Value next;
      SWARMSIM_RETURN_IF_ERROR(EvalCommand(dot, cmd, have_final ? &value : nullptr, &next));
      // Go unwraps an interface{} between commands; a nil one becomes no value.
      if (next.valid() && !next.is_struct && next.j().is_null()) next = Invalid();
      next.from_any = false;
      value = std::move(next);
      have_final = true;
    }
    for (const std::string& name : pipe.decl) {
      if (pipe.is_assign) {
        auto it = vars_.rbegin();
        while (it != vars_.rend() && it->first != name) ++it;
        if (it == vars_.rend()) return Error(pipe.pos, pipe.String(), "undefined variable: " + name);
        it->second = value;
      } else {
        vars_.push_back({name, value});
      }
    }
    *out = std::move(value);
    return Status::OK();
  }

  // Go names the node it evaluated last in errors about (pipeline).Field: the
  // pipeline's last argument.
  static const Arg& LastEvaluated(const Arg& chain) { return chain.pipe->cmds.back().args.back(); }

  Status NotAFunction(const Command& cmd, const Value* final) const {
    if (cmd.args.size() > 1 || final != nullptr) {
      return Error(cmd.args[0], "can't give argument to non-function " + cmd.args[0].String());
    }
    return Status::OK();
  }

  Status EvalCommand(const Value& dot, const Command& cmd, const Value* final, Value* out) {
    const Arg& first = cmd.args[0];
    switch (first.kind) {
      case Arg::kField: return EvalFieldChain(dot, dot, first, first.idents, 0, &cmd, final, out);
      case Arg::kChain: {
        Value base;
        SWARMSIM_RETURN_IF_ERROR(EvalPipeline(dot, *first.pipe, &base));
        return EvalFieldChain(dot, base, LastEvaluated(first), first.idents, 0, &cmd, final, out);
      }
      case Arg::kIdentifier: return Call(dot, first, cmd.pos, cmd.String(), &cmd.args, final, out);
      case Arg::kPipe:
        SWARMSIM_RETURN_IF_ERROR(NotAFunction(cmd, final));
        return EvalPipeline(dot, *first.pipe, out);
      case Arg::kVariable: return EvalVariable(dot, first, &cmd, final, out);
      default: break;
    }
    SWARMSIM_RETURN_IF_ERROR(NotAFunction(cmd, final));
    switch (first.kind) {
      case Arg::kDot: *out = dot; return Status::OK();
      case Arg::kNil: return Error(first, "nil is not a command");
      default: *out = Own(first.literal); return Status::OK();
    }
  }

  Status EvalVariable(const Value& dot, const Arg& a, const Command* cmd, const Value* final, Value* out) {
    Value v;
    bool found = false;
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == a.idents[0]) {
        v = it->second;
        found = true;
        break;
      }
    }
    if (!found) return Error(a, "undefined variable: " + a.idents[0]);
    if (a.idents.size() == 1) {
      if (cmd != nullptr) SWARMSIM_RETURN_IF_ERROR(NotAFunction(*cmd, final));
      *out = v;
      return Status::OK();
    }
    return EvalFieldChain(dot, v, a, a.idents, 1, cmd, final, out);
  }

  Status EvalFieldChain(const Value& dot, Value receiver, const Arg& node, const std::vector<std::string>& idents,
                        size_t from, const Command* cmd, const Value* final, Value* out) {
    for (size_t i = from; i < idents.size(); ++i) {
      bool last = i + 1 == idents.size();
      bool has_args = last && ((cmd != nullptr && cmd->args.size() > 1) || final != nullptr);
      Value next;
      SWARMSIM_RETURN_IF_ERROR(EvalField(idents[i], node, has_args, receiver, &next));
      receiver = std::move(next);
    }
    (void)dot;
    *out = std::move(receiver);
    return Status::OK();
  }

  Value FieldValue(const Value& receiver, const std::string& name, const json& child) {
    Value v = Child(receiver, child);
    if (opt_.field_text) {
      if (auto text = opt_.field_text(name, child)) v.text = std::make_shared<const std::string>(std::move(*text));
    }
    return v;
  }

  Status EvalField(const std::string& name, const Arg& node, bool has_args, const Value& receiver, Value* out) {
    if (!receiver.valid()) {
      if (opt_.missing_key_error) return Error(node, "nil data; no entry for key " + Quote(name));
      *out = Invalid();
      return Status::OK();
    }
    const json& r = receiver.j();
    if (receiver.is_struct && r.is_object()) {
      auto it = r.find(name);
      if (it == r.end()) return Error(node, "can't evaluate field " + name + " in type " + opt_.struct_type);
      if (has_args) return Error(node, name + " has arguments but cannot be invoked as function");
      *out = FieldValue(receiver, name, *it);
      return Status::OK();
    }
    if (r.is_object()) {
      if (has_args) return Error(node, name + " is not a method but has arguments");
      auto it = r.find(name);
      if (it != r.end()) {
        *out = FieldValue(receiver, name, *it);
        return Status::OK();
      }
      if (opt_.missing_key_error) return Error(node, "map has no entry for key " + Quote(name));
      *out = Invalid();
      return Status::OK();
    }
    if (r.is_null()) return Error(node, "nil pointer evaluating interface {}." + name);
    std::string type = receiver.from_any ? "interface {}" : TypeName(receiver, opt_);
    return Error(node, "can't evaluate field " + name + " in type " + type);
  }

  // An argument's value. Go passes a missing key to an interface{} parameter as nil.
  Status EvalArg(const Value& dot, const Arg& a, Value* out) {
    switch (a.kind) {
      case Arg::kDot: *out = dot; return Status::OK();
      case Arg::kNil: *out = Own(json()); return Status::OK();
      case Arg::kField: return EvalFieldChain(dot, dot, a, a.idents, 0, nullptr, nullptr, out);
      case Arg::kVariable: return EvalVariable(dot, a, nullptr, nullptr, out);
      case Arg::kPipe: return EvalPipeline(dot, *a.pipe, out);
      case Arg::kChain: {
        Value base;
        SWARMSIM_RETURN_IF_ERROR(EvalPipeline(dot, *a.pipe, &base));
        return EvalFieldChain(dot, base, LastEvaluated(a), a.idents, 0, nullptr, nullptr, out);
      }
      case Arg::kIdentifier: return Call(dot, a, a.pos, a.String(), nullptr, nullptr, out);
      default: *out = Own(a.literal); return Status::OK();
    }
  }

  // Calls function `fn`. `args` is the whole command (args[0] is the name) or
  // null when the function is itself an argument; `final` is the piped value.
  Status Call(const Value& dot, const Arg& fn, size_t cmd_pos, const std::string& cmd_text,
              const std::vector<Arg>* args, const Value* final, Value* out) {
    const std::string& name = fn.text;
    std::vector<Value> vals;
    std::vector<const Arg*> nodes;  // the node each value came from, for type errors
    size_t given = (args ? args->size() - 1 : 0) + (final ? 1 : 0);

    struct Arity { const char* name; size_t n; bool variadic; };
    static const Arity kArity[] = {
        {"and", 1, true},     {"or", 1, true},       {"not", 1, false},     {"len", 1, false},
        {"index", 1, true},   {"slice", 1, true},    {"print", 0, true},    {"printf", 1, true},
        {"println", 0, true}, {"eq", 1, true},       {"ne", 2, false},      {"lt", 2, false},
        {"le", 2, false},     {"gt", 2, false},      {"ge", 2, false},      {"html", 0, true},
        {"js", 0, true},      {"urlquery", 0, true}, {"json", 1, false},    {"join", 2, false},
        {"split", 2, false},  {"lower", 1, false},   {"upper", 1, false},   {"title", 1, false},
        {"pad", 3, false},    {"truncate", 2, false}};
    const Arity* arity = nullptr;
    for (const auto& a : kArity) {
      if (name == a.name) arity = &a;
    }
    if (arity->variadic && given < arity->n) {
      return Error(fn, "wrong number of args for " + name + ": want at least " + std::to_string(arity->n) + " got " +
                           std::to_string(given));
    }
    if (!arity->variadic && given != arity->n) {
      return Error(fn, "wrong number of args for " + name + ": want " + std::to_string(arity->n) + " got " +
                           std::to_string(given));
    }

    // and/or evaluate lazily, stopping at the first deciding argument.
    if (name == "and" || name == "or") {
      bool want = name == "or";
      Value v;
      for (size_t i = 1; args && i < args->size(); ++i) {
        SWARMSIM_RETURN_IF_ERROR(EvalArg(dot, (*args)[i], &v));
        if (IsTrue(v) == want) {
          *out = v;
          return Status::OK();
        }
      }
      *out = final ? *final : v;  // nothing decided: the last value
      return Status::OK();
    }

    if (args) {
      for (size_t i = 1; i < args->size(); ++i) {
        Value v;
        SWARMSIM_RETURN_IF_ERROR(EvalArg(dot, (*args)[i], &v));
        vals.push_back(std::move(v));
        nodes.push_back(&(*args)[i]);
      }
    }
    if (final) {
      vals.push_back(*final);
      nodes.push_back(&fn);
    }
    auto calling = [&](const std::string& msg) { return Error(cmd_pos, cmd_text, "error calling " + name + ": " + msg); };
    auto wrong_type = [&](size_t i, const std::string& want) {
      return Error(*nodes[i], "wrong type for value; expected " + want + "; got " + TypeName(vals[i], opt_));
    };
    auto str = [&](size_t i, std::string* s) -> Status {
      if (!vals[i].valid()) return Error(*nodes[i], "invalid value; expected string");
      if (!vals[i].j().is_string() || vals[i].is_struct) return wrong_type(i, "string");
      *s = vals[i].j().get<std::string>();
      return Status::OK();
    };
    auto integer = [&](size_t i, int64_t* n) -> Status {
      if (!vals[i].valid()) return Error(*nodes[i], "invalid value; expected int");
      if (!(vals[i].j().is_number_integer() || vals[i].j().is_number_unsigned())) {
        // A literal is checked as Go checks constants; anything else by its type.
        const Arg& a = *nodes[i];
        if (a.kind == Arg::kNumber || a.kind == Arg::kString || a.kind == Arg::kBool) {
          return Error(a, "expected integer; found " + a.String());
        }
        return wrong_type(i, "int");
      }
      *n = vals[i].j().get<int64_t>();
      return Status::OK();
    };
    // interface{} parameters: a missing key arrives as nil.
    auto any = [&](size_t i) -> json { return vals[i].valid() ? vals[i].j() : json(); };
    // What fmt prints: a typed field's String text as a string, else the value.
    auto printed = [&](size_t i) -> json { return vals[i].text ? json(*vals[i].text) : any(i); };

    if (opt_.header_functions && (name == "json" || name == "split" || name == "join" || name == "title" ||
                                  name == "lower" || name == "upper" || name == "truncate")) {
      std::string s;
      SWARMSIM_RETURN_IF_ERROR(str(0, &s));
      if (name == "split" || name == "join") {
        std::string ignored;
        SWARMSIM_RETURN_IF_ERROR(str(1, &ignored));
      }
      if (name == "truncate") {
        int64_t ignored;
        SWARMSIM_RETURN_IF_ERROR(integer(1, &ignored));
      }
      *out = Own(json(s));
      return Status::OK();
    }

    if (name == "json") {
      *out = Own(json(opt_.json_encoder ? opt_.json_encoder(any(0)) : GoJson(any(0))));
      return Status::OK();
    }
    if (name == "lower" || name == "upper" || name == "title") {
      std::string s;
      SWARMSIM_RETURN_IF_ERROR(str(0, &s));
      if (name == "title") {
        // strings.Title: a letter after a separator (for ASCII, anything but a
        // letter, digit or '_') is upper-cased.
        bool prev_sep = true;
        for (auto& c : s) {
          unsigned char u = static_cast<unsigned char>(c);
          if (prev_sep && u < 0x80) c = static_cast<char>(std::toupper(u));
          prev_sep = u < 0x80 && !(std::isalnum(u) || u == '_');
        }
      } else {
        for (auto& c : s) {
          unsigned char u = static_cast<unsigned char>(c);
          if (u < 0x80) c = static_cast<char>(name == "lower" ? std::tolower(u) : std::toupper(u));
        }
      }
      *out = Own(json(s));
      return Status::OK();
    }
    if (name == "split") {
      std::string s, sep;
      SWARMSIM_RETURN_IF_ERROR(str(0, &s));
      SWARMSIM_RETURN_IF_ERROR(str(1, &sep));
      json parts = json::array();
      if (sep.empty()) {  // one element per UTF-8 character
        for (size_t i = 0; i < s.size();) {
          size_t j = i + 1;
          while (j < s.size() && (static_cast<unsigned char>(s[j]) >> 6) == 2) ++j;
          parts.push_back(s.substr(i, j - i));
          i = j;
        }
      } else {
        size_t start = 0;
        for (;;) {
          size_t p = s.find(sep, start);
          parts.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
          if (p == std::string::npos) break;
          start = p + sep.size();
        }
      }
      *out = Own(std::move(parts));
      return Status::OK();
    }
    if (name == "join") {
      std::string sep;
      SWARMSIM_RETURN_IF_ERROR(str(1, &sep));
      std::string joined;
      if (vals[0].valid() && !vals[0].j().is_null()) {
        const json& a = vals[0].j();
        if (!a.is_array() || !AllStrings(a)) return wrong_type(0, "[]string");
        for (size_t i = 0; i < a.size(); ++i) {
          if (i) joined += sep;  // appended in place: no temporaries to join
          joined += a[i].get_ref<const std::string&>();
        }
      }
      *out = Own(json(joined));
      return Status::OK();
    }
    if (name == "pad") {
      std::string s;
      int64_t before, after;
      SWARMSIM_RETURN_IF_ERROR(str(0, &s));
      SWARMSIM_RETURN_IF_ERROR(integer(1, &before));
      SWARMSIM_RETURN_IF_ERROR(integer(2, &after));
      if (!s.empty()) s = std::string(static_cast<size_t>(std::max<int64_t>(before, 0)), ' ') + s +
                          std::string(static_cast<size_t>(std::max<int64_t>(after, 0)), ' ');
      *out = Own(json(s));
      return Status::OK();
    }
    if (name == "truncate") {
      std::string s;
      int64_t n;
      SWARMSIM_RETURN_IF_ERROR(str(0, &s));
      SWARMSIM_RETURN_IF_ERROR(integer(1, &n));
      if (n < 0 && static_cast<int64_t>(s.size()) >= n) return calling("slice bounds out of range");
      // Bytes, as docker's truncate does: it may cut a UTF-8 sequence.
      if (static_cast<int64_t>(s.size()) >= n) s = s.substr(0, static_cast<size_t>(n));
      *out = Own(json(s));
      return Status::OK();
    }
    if (name == "not") {
      *out = Own(json(!IsTrue(vals[0])));
      return Status::OK();
    }
    if (name == "len") {
      if (!vals[0].valid()) return calling("reflect: call of reflect.Value.Type on zero Value");
      if (vals[0].j().is_null()) return calling("len of nil pointer");
      const json& j = vals[0].j();
      if (j.is_string()) *out = Own(json(static_cast<int64_t>(j.get_ref<const std::string&>().size())));
      else if (j.is_array() || j.is_object()) *out = Own(json(static_cast<int64_t>(j.size())));
      else return calling("len of type " + TypeName(vals[0], opt_));
      return Status::OK();
    }
    if (name == "index") {
      Value item = vals[0];
      if (!item.valid()) return calling("index of untyped nil");
      for (size_t i = 1; i < vals.size(); ++i) {
        const json& c = item.j();
        if (c.is_null()) return calling("index of untyped nil");
        if (c.is_object()) {
          if (!vals[i].valid() || !vals[i].j().is_string()) {
            return calling("value has type " + TypeName(vals[i], opt_) + "; should be string");
          }
          auto it = c.find(vals[i].j().get<std::string>());
          if (it != c.end()) item = Child(item, *it);
          // The zero value: "" for a map of strings, nothing for a map of anything.
          else item = AllStrings(c) ? Own(json("")) : Invalid();
          if (!item.valid() && i + 1 < vals.size()) return calling("index of untyped nil");
        } else if (c.is_array() || c.is_string()) {
          if (!vals[i].valid() || !(vals[i].j().is_number_integer() || vals[i].j().is_number_unsigned())) {
            return calling("cannot index slice/array with type " + TypeName(vals[i], opt_));
          }
          int64_t k = vals[i].j().get<int64_t>();
          int64_t size = c.is_string() ? static_cast<int64_t>(c.get_ref<const std::string&>().size())
                                       : static_cast<int64_t>(c.size());
          if (k < 0 || k >= size) return calling("index out of range: " + std::to_string(k));
          if (c.is_string()) item = Own(json(static_cast<int64_t>(static_cast<unsigned char>(c.get_ref<const std::string&>()[static_cast<size_t>(k)]))));
          else item = Child(item, c[static_cast<size_t>(k)]);
        } else {
          return calling("can't index item of type " + TypeName(item, opt_));
        }
      }
      *out = item;
      return Status::OK();
    }
    if (name == "slice") {
      if (!vals[0].valid()) return calling("slice of untyped nil");
      const json& c = vals[0].j();
      if (!c.is_array() && !c.is_string()) return calling("can't slice item of type " + TypeName(vals[0], opt_));
      if (vals.size() > 4) return calling("too many slice indexes: " + std::to_string(vals.size() - 1));
      int64_t len = c.is_string() ? static_cast<int64_t>(c.get_ref<const std::string&>().size())
                                  : static_cast<int64_t>(c.size());
      std::vector<int64_t> idx = {0, len};
      for (size_t i = 1; i < vals.size() && i <= 2; ++i) {
        int64_t k;
        if (!vals[i].valid() || !(vals[i].j().is_number_integer() || vals[i].j().is_number_unsigned())) {
          return calling("cannot index slice/array with type " + TypeName(vals[i], opt_));
        }
        k = vals[i].j().get<int64_t>();
        if (k < 0 || k > len) return calling("index out of range: " + std::to_string(k));
        idx[i - 1] = k;
      }
      if (idx[0] > idx[1]) return calling("invalid slice index: " + std::to_string(idx[0]) + " > " + std::to_string(idx[1]));
      if (c.is_string()) {
        *out = Own(json(c.get_ref<const std::string&>().substr(static_cast<size_t>(idx[0]), static_cast<size_t>(idx[1] - idx[0]))));
      } else {
        json part = json::array();
        for (int64_t k = idx[0]; k < idx[1]; ++k) part.push_back(c[static_cast<size_t>(k)]);
        *out = Own(std::move(part));
      }
      return Status::OK();
    }
    if (name == "print" || name == "println") {
      std::string s;
      for (size_t i = 0; i < vals.size(); ++i) {
        json v = printed(i);
        // Sprint puts a space between operands when neither is a string; Sprintln
        // always. (A Stringer is not a string: its kind decides, not its text.)
        auto is_string = [&](size_t k) { return !vals[k].text && any(k).is_string(); };
        if (i > 0 && (name == "println" || (!is_string(i) && !is_string(i - 1)))) s += ' ';
        s += GoPrint(v);
      }
      if (name == "println") s += '\n';
      *out = Own(json(s));
      return Status::OK();
    }
    if (name == "printf") {
      std::string format;
      SWARMSIM_RETURN_IF_ERROR(str(0, &format));
      std::vector<json> rest;
      std::vector<std::string> types;
      for (size_t i = 1; i < vals.size(); ++i) {
        rest.push_back(printed(i));
        types.push_back(TypeName(vals[i], opt_));
      }
      *out = Own(json(Sprintf(format, rest, types)));
      return Status::OK();
    }
    if (name == "html" || name == "js" || name == "urlquery") {
      std::string s;
      for (size_t i = 0; i < vals.size(); ++i) {
        json v = any(i);
        if (i > 0 && !v.is_string() && !any(i - 1).is_string()) s += ' ';
        s += GoPrint(v);
      }
      *out = Own(json(Escape(name, s)));
      return Status::OK();
    }
    // Comparisons, as Go's eq and lt: values of different basic kinds (string,
    // bool, int, float) do not compare; lists and maps do not compare at all.
    enum Kind { kNone, kBool, kInt, kFloat, kString, kOther };
    auto kind = [](const Value& v) {
      if (!v.valid() || v.j().is_null()) return kNone;
      const json& j = v.j();
      if (j.is_boolean()) return kBool;
      if (j.is_number_integer() || j.is_number_unsigned()) return kInt;
      if (j.is_number_float()) return kFloat;
      if (j.is_string()) return kString;
      return kOther;
    };
    auto less = [&](const Value& a, const Value& b, bool* r) -> Status {
      Kind ka = kind(a), kb = kind(b);
      if (ka == kNone || kb == kNone || ka == kOther || kb == kOther) return calling("invalid type for comparison");
      if (ka != kb) return calling("incompatible types for comparison");
      if (ka == kBool) return calling("invalid type for comparison");
      if (ka == kString) *r = a.j().get_ref<const std::string&>() < b.j().get_ref<const std::string&>();
      else if (ka == kInt) *r = a.j().get<int64_t>() < b.j().get<int64_t>();
      else *r = a.j().get<double>() < b.j().get<double>();
      return Status::OK();
    };
    auto equal = [&](const Value& a, const Value& b, bool* r) -> Status {
      Kind ka = kind(a), kb = kind(b);
      *r = false;
      if (ka != kb) {
        if (ka != kNone && kb != kNone) return calling("incompatible types for comparison");
        return Status::OK();
      }
      switch (ka) {
        case kNone: *r = true; break;
        case kBool: *r = a.j().get<bool>() == b.j().get<bool>(); break;
        case kInt: *r = a.j().get<int64_t>() == b.j().get<int64_t>(); break;
        case kFloat: *r = a.j().get<double>() == b.j().get<double>(); break;
        case kString: *r = a.j().get_ref<const std::string&>() == b.j().get_ref<const std::string&>(); break;
        case kOther: return calling("non-comparable type " + GoPrint(b.j()) + ": " + TypeName(b, opt_));
      }
      return Status::OK();
    };
    bool r = false;
    if (name == "eq") {
      if (vals.size() < 2) return calling("missing argument for comparison");
      for (size_t i = 1; i < vals.size() && !r; ++i) SWARMSIM_RETURN_IF_ERROR(equal(vals[0], vals[i], &r));
    } else if (name == "ne") {
      SWARMSIM_RETURN_IF_ERROR(equal(vals[0], vals[1], &r));
      r = !r;
    } else if (name == "lt" || name == "ge") {
      SWARMSIM_RETURN_IF_ERROR(less(vals[0], vals[1], &r));
      if (name == "ge") r = !r;
    } else {  // le, gt: lt or eq
      SWARMSIM_RETURN_IF_ERROR(less(vals[0], vals[1], &r));
      if (!r) SWARMSIM_RETURN_IF_ERROR(equal(vals[0], vals[1], &r));
      if (name == "gt") r = !r;
    }
    *out = Own(json(r));
    return Status::OK();
  }

  static std::string Sprintf(const std::string& format, const std::vector<json>& args,
                             const std::vector<std::string>& types) {
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < format.size(); ++i) {
      if (format[i] != '%') {
        out += format[i];
        continue;
      }
      if (++i >= format.size()) {
        out += "%!(NOVERB)";
        break;
      }
      Spec sp;
      for (; i < format.size(); ++i) {
        char f = format[i];
        if (f == '-') sp.minus = true;
        else if (f == '+') sp.plus = true;
        else if (f == '#') sp.sharp = true;
        else if (f == ' ') sp.space = true;
        else if (f == '0') sp.zero = !sp.minus;
        else break;
      }
      auto number = [&](int* v) {
        if (i < format.size() && format[i] == '*') {
          ++i;
          if (next < args.size() && args[next].is_number_integer()) *v = static_cast<int>(args[next++].get<int64_t>());
          return;
        }
        int n = -1;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
          n = (n < 0 ? 0 : n * 10) + (format[i++] - '0');
        }
        *v = n;
      };
      number(&sp.width);
      if (i < format.size() && format[i] == '.') {
        ++i;
        number(&sp.prec);
        if (sp.prec < 0) sp.prec = 0;
      }
      if (i >= format.size()) {
        out += "%!(NOVERB)";
        break;
      }
      sp.verb = format[i];
      if (sp.verb == '%') {
        out += '%';
        continue;
      }
      if (next >= args.size()) {
        out += std::string("%!") + sp.verb + "(MISSING)";
        continue;
      }
      out += FormatOne(sp, args[next], types[next]);
      ++next;
    }
    if (next < args.size()) {
      out += "%!(EXTRA ";
      for (size_t k = next; k < args.size(); ++k) {
        if (k > next) out += ", ";
        out += args[k].is_null() ? "<nil>" : types[k] + "=" + GoPrint(args[k]);
      }
      out += ")";
    }
    return out;
  }

  static std::string Escape(const std::string& kind, const std::string& s) {
    std::string out;
    static const char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : s) {
      if (kind == "html") {
        switch (c) {
          case '<': out += "&lt;"; break;
          case '>': out += "&gt;"; break;
          case '&': out += "&amp;"; break;
          case '\'': out += "&#39;"; break;
          case '"': out += "&#34;"; break;
          case 0: out += "\xef\xbf\xbd"; break;
          default: out += static_cast<char>(c);
        }
      } else if (kind == "js") {
        switch (c) {
          case '\\': out += "\\\\"; break;
          case '\'': out += "\\'"; break;
          case '"': out += "\\\""; break;
          case '<': out += "\\u003C"; break;
          case '>': out += "\\u003E"; break;
          case '&': out += "\\u0026"; break;
          case '=': out += "\\u003D"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\t': out += "\\t"; break;
          default:
            if (c < 0x20) {
              out += "\\u00";
              out += kHex[c >> 4];
              out += kHex[c & 0xF];
            } else {
              out += static_cast<char>(c);
            }
        }
      } else {  // urlquery: url.QueryEscape
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else if (c == ' ') {
          out += '+';
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        }
      }
    }
    return out;
  }

  const GoTemplate::Tree& tree_;
  const TemplateOptions& opt_;
  std::string* out_;
  std::vector<std::pair<std::string, Value>> vars_;
};

}  // namespace

std::string GoPrint(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "<nil>";
    case json::value_t::string: return v.get<std::string>();
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer: return std::to_string(v.get<int64_t>());
    case json::value_t::number_unsigned: return std::to_string(v.get<uint64_t>());
    case json::value_t::number_float: return GoFloat(v.get<double>());
    case json::value_t::array:
    case json::value_t::object: {
      std::string out = v.is_object() ? "map[" : "[";
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ' ';
        first = false;
        if (v.is_object()) out += it.key() + ":";
        out += GoPrint(it.value());
      }
      return out + "]";
    }
    default: return "<nil>";
  }
}

std::string GoJson(const json& value) {
  std::string out;
  JsonValue(value, &out);
  return out;
}

Result<GoTemplate> GoTemplate::Parse(const std::string& text) {
  auto tree = std::make_shared<Tree>();
  tree->text = text;
  Parser parser(Lexer(text).Run());
  SWARMSIM_RETURN_IF_ERROR(parser.Parse(&tree->root));
  GoTemplate t;
  t.tree_ = std::move(tree);
  return t;
}

Status GoTemplate::ExecuteTo(const json& data, const TemplateOptions& options, std::string* out) const {
  // The data is borrowed for the run: an aliasing pointer with no owner.
  Value root{std::shared_ptr<const json>(std::shared_ptr<const json>(), &data), !options.struct_type.empty()};
  Exec exec(*tree_, options, out);
  return exec.Run(root);
}

Result<std::string> GoTemplate::Execute(const json& data, const TemplateOptions& options) const {
  std::string out;
  SWARMSIM_RETURN_IF_ERROR(ExecuteTo(data, options, &out));
  return out;
}

}  // namespace swarmsim
