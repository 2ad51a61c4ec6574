#include "core/format/go_template.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

namespace swarmsim {

using nlohmann::json;

// An expression: a field chain, a literal, a variable, a function call, or a
// parenthesised pipeline. A pipeline is commands joined by '|'.
struct Expr {
  enum Kind { kField, kString, kNumber, kBool, kDot, kVariable, kCall, kPipeline } kind = kDot;
  std::vector<std::string> fields;  // kField (on dot), kVariable (on the variable)
  std::string text;                 // literal, variable name, function name
  double number = 0;
  bool boolean = false;
  std::vector<Expr> args;      // kCall
  std::vector<Expr> commands;  // kPipeline: each is a call or an operand
  int column = 0;
};

struct GoTemplate::Node {
  enum Kind { kList, kText, kAction, kIf, kRange } kind = kList;
  std::string text;
  Expr pipe;
  std::vector<std::string> vars;  // range $k, $v :=
  std::vector<std::shared_ptr<Node>> children;  // list / then
  std::vector<std::shared_ptr<Node>> otherwise;  // else
};

namespace {

using Node = GoTemplate::Node;

const char* const kFunctions[] = {"json", "join", "lower", "upper", "title", "split", "truncate", "pad", "println",
                                  "index", "len", "printf", "print", "eq", "ne", "lt", "le", "gt", "ge", "not",
                                  "and", "or"};

bool IsFunction(const std::string& name) {
  for (const char* f : kFunctions) if (name == f) return true;
  return false;
}

Status ParseError(const std::string& msg) { return Status::InvalidArgument("template: :1: " + msg); }

// --- lexing of one action's body into tokens ---
struct Token {
  enum Kind { kWord, kString, kNumber, kPipe, kOpen, kClose, kComma, kAssign } kind;
  std::string text;
  int column;
};

Result<std::vector<Token>> Lex(const std::string& s, int base_column) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    int col = base_column + static_cast<int>(i);
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '|') { out.push_back({Token::kPipe, "|", col}); ++i; continue; }
    if (c == '(') { out.push_back({Token::kOpen, "(", col}); ++i; continue; }
    if (c == ')') { out.push_back({Token::kClose, ")", col}); ++i; continue; }
    if (c == ',') { out.push_back({Token::kComma, ",", col}); ++i; continue; }
    if (c == ':' && i + 1 < s.size() && s[i + 1] == '=') { out.push_back({Token::kAssign, ":=", col}); i += 2; continue; }
    if (c == '"' || c == '`') {
      char q = c;
      std::string v;
      ++i;
      while (i < s.size() && s[i] != q) {
        if (q == '"' && s[i] == '\\' && i + 1 < s.size()) {
          char e = s[++i];
          v += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
          v += s[i];
        }
        ++i;
      }
      if (i >= s.size()) return ParseError("unterminated quoted string");
      ++i;
      out.push_back({Token::kString, v, col});
      continue;
    }
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '|' && s[j] != '(' &&
           s[j] != ')' && s[j] != ',' && !(s[j] == ':' && j + 1 < s.size() && s[j + 1] == '=')) {
      ++j;
    }
    std::string w = s.substr(i, j - i);
    bool numeric = !w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) || (w[0] == '-' && w.size() > 1));
    out.push_back({numeric ? Token::kNumber : Token::kWord, w, col});
    i = j;
  }
  return out;
}

class ExprParser {
 public:
  explicit ExprParser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Result<Expr> Pipeline() {
    Expr pipe;
    pipe.kind = Expr::kPipeline;
    for (;;) {
      auto cmd = Command();
      if (!cmd.ok()) return cmd.status();
      pipe.commands.push_back(cmd.value());
      if (pos_ < toks_.size() && toks_[pos_].kind == Token::kPipe) {
        ++pos_;
        continue;
      }
      break;
    }
    return pipe;
  }

  bool AtEnd() const { return pos_ >= toks_.size(); }
  const Token* Peek() const { return pos_ < toks_.size() ? &toks_[pos_] : nullptr; }
  size_t pos_ = 0;
  std::vector<Token> toks_;

 private:
  Result<Expr> Command() {
    std::vector<Expr> operands;
    while (pos_ < toks_.size() && toks_[pos_].kind != Token::kPipe && toks_[pos_].kind != Token::kClose) {
      auto op = Operand();
      if (!op.ok()) return op.status();
      operands.push_back(op.value());
    }
    if (operands.empty()) return ParseError("missing value for command");
    if (operands[0].kind == Expr::kCall && operands[0].args.empty()) {
      Expr call = operands[0];
      call.args.assign(operands.begin() + 1, operands.end());
      return call;
    }
    if (operands.size() > 1) return ParseError("can't give argument to non-function " + operands[0].text);
    return operands[0];
  }

  Result<Expr> Operand() {
    const Token& t = toks_[pos_++];
    Expr e;
    e.column = t.column;
    switch (t.kind) {
      case Token::kString: e.kind = Expr::kString; e.text = t.text; return e;
      case Token::kNumber: e.kind = Expr::kNumber; e.number = std::strtod(t.text.c_str(), nullptr); return e;
      case Token::kOpen: {
        auto p = Pipeline();
        if (!p.ok()) return p.status();
        if (pos_ >= toks_.size() || toks_[pos_].kind != Token::kClose) return ParseError("unclosed left paren");
        ++pos_;
        return p.value();
      }
      case Token::kWord: break;
      default: return ParseError("unexpected \"" + t.text + "\" in command");
    }
    const std::string& w = t.text;
    if (w == "true" || w == "false") {
      e.kind = Expr::kBool;
      e.boolean = w == "true";
      return e;
    }
    if (w[0] == '.' || w[0] == '$') {
      std::vector<std::string> parts;
      size_t start = w[0] == '.' ? 1 : 0;
      std::string head;
      if (w[0] == '$') {
        size_t dot = w.find('.');
        head = w.substr(0, dot);
        start = dot == std::string::npos ? w.size() : dot + 1;
      }
      while (start < w.size()) {
        size_t dot = w.find('.', start);
        parts.push_back(w.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      if (w[0] == '$') {
        e.kind = Expr::kVariable;
        e.text = head;
        e.fields = parts;
      } else {
        e.kind = parts.empty() ? Expr::kDot : Expr::kField;
        e.fields = parts;
      }
      e.text = w;
      return e;
    }
    if (!IsFunction(w)) return ParseError("function \"" + w + "\" not defined");
    e.kind = Expr::kCall;
    e.text = w;
    return e;
  }
};

// --- template structure ---
struct Action {
  std::string body;
  int column;
};

Result<std::shared_ptr<Node>> ParseList(const std::string& text, size_t* pos, std::string* stop_word, bool top);

// Parses an {{if}}/{{range}}/{{with}} block whose header was `word rest`, up to its
// {{end}}; "{{else if X}}" nests an if in the else branch that shares the {{end}}.
Result<std::shared_ptr<Node>> ParseBlock(const std::string& text, size_t* pos, const std::string& word,
                                         const std::string& rest, int column) {
  auto node = std::make_shared<Node>();
  node->kind = word == "range" ? Node::kRange : Node::kIf;
  auto toks = Lex(rest, column);
  if (!toks.ok()) return toks.status();
  std::vector<Token> ts = toks.value();
  for (size_t k = 0; k < ts.size(); ++k) {  // range $k, $v := pipeline
    if (ts[k].kind == Token::kAssign) {
      for (size_t v = 0; v < k; ++v) if (ts[v].kind == Token::kWord) node->vars.push_back(ts[v].text);
      ts.erase(ts.begin(), ts.begin() + static_cast<long>(k) + 1);
      break;
    }
  }
  if (ts.empty()) return ParseError("missing value for " + word);
  ExprParser p(ts);
  auto pipe = p.Pipeline();
  if (!pipe.ok()) return pipe.status();
  node->pipe = pipe.value();
  std::string stop;
  auto then = ParseList(text, pos, &stop, false);
  if (!then.ok()) return then.status();
  node->children = then.value()->children;
  if (stop == "end") return node;
  std::string after = stop.substr(4);
  size_t nb = after.find_first_not_of(" \t\n");
  if (nb != std::string::npos && after.compare(nb, 2, "if") == 0) {
    auto nested = ParseBlock(text, pos, "if", after.substr(nb + 2), column);
    if (!nested.ok()) return nested.status();
    node->otherwise.push_back(nested.value());
    return node;
  }
  std::string stop2;
  auto other = ParseList(text, pos, &stop2, false);
  if (!other.ok()) return other.status();
  node->otherwise = other.value()->children;
  if (stop2 != "end") return ParseError("expected end; found {{" + stop2 + "}}");
  return node;
}

// Reads the next piece: text up to "{{", or an action. Handles trim markers.
Result<std::shared_ptr<Node>> ParseList(const std::string& text, size_t* pos, std::string* stop_word, bool top) {
  auto list = std::make_shared<Node>();
  list->kind = Node::kList;
  while (*pos < text.size()) {
    size_t open = text.find("{{", *pos);
    std::string chunk = text.substr(*pos, open == std::string::npos ? std::string::npos : open - *pos);
    bool trim_left = open != std::string::npos && open + 2 < text.size() && text[open + 2] == '-' &&
                     open + 3 < text.size() && std::isspace(static_cast<unsigned char>(text[open + 3]));
    if (trim_left) {
      while (!chunk.empty() && std::isspace(static_cast<unsigned char>(chunk.back()))) chunk.pop_back();
    }
    if (!chunk.empty()) {
      auto t = std::make_shared<Node>();
      t->kind = Node::kText;
      t->text = chunk;
      list->children.push_back(t);
    }
    if (open == std::string::npos) {
      *pos = text.size();
      break;
    }
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) return ParseError("unclosed action");
    size_t body_start = open + 2 + (trim_left ? 1 : 0);
    size_t body_end = close;
    bool trim_right = close >= 2 && text[close - 1] == '-' && std::isspace(static_cast<unsigned char>(text[close - 2]));
    if (trim_right) body_end = close - 1;
    std::string body = text.substr(body_start, body_end - body_start);
    *pos = close + 2;
    if (trim_right) {
      while (*pos < text.size() && std::isspace(static_cast<unsigned char>(text[*pos]))) ++(*pos);
    }
    // Trim spaces of the body and find its first word.
    size_t b = body.find_first_not_of(" \t\n");
    size_t e = body.find_last_not_of(" \t\n");
    body = b == std::string::npos ? "" : body.substr(b, e - b + 1);
    if (body.rfind("/*", 0) == 0) continue;  // comment
    std::string word = body.substr(0, body.find_first_of(" \t\n"));
    int column = static_cast<int>(body_start + (b == std::string::npos ? 0 : b)) + 1;
    if (word == "end" || word == "else") {
      if (top) return ParseError("unexpected {{" + word + "}}");
      *stop_word = body;
      return list;
    }
    if (word == "if" || word == "range" || word == "with") {
      auto node = ParseBlock(text, pos, word, body.substr(word.size()), column + static_cast<int>(word.size()));
      if (!node.ok()) return node.status();
      list->children.push_back(node.value());
      continue;
    }
    auto toks = Lex(body, column);
    if (!toks.ok()) return toks.status();
    if (toks->empty()) return ParseError("missing value for command");
    ExprParser p(toks.value());
    auto pipe = p.Pipeline();
    if (!pipe.ok()) return pipe.status();
    if (!p.AtEnd()) return ParseError("unexpected \"" + p.Peek()->text + "\" in operand");
    auto node = std::make_shared<Node>();
    node->kind = Node::kAction;
    node->pipe = pipe.value();
    list->children.push_back(node);
  }
  if (!top) return ParseError("unexpected EOF");
  return list;
}

// --- evaluation ---
struct Scope {
  json dot;
  std::vector<std::pair<std::string, json>> vars;
};

bool Truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get<std::string>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  return true;
}

std::string Title(std::string s) {
  bool start = true;
  for (auto& c : s) {
    if (start && std::isalpha(static_cast<unsigned char>(c))) c = static_cast<char>(std::toupper(c));
    start = std::isspace(static_cast<unsigned char>(c));
  }
  return s;
}

Status ExecError(const Expr& e, const std::string& what) {
  return Status::InvalidArgument("template: :1:" + std::to_string(e.column) + ": executing \"\" at <" + e.text +
                                 ">: " + what);
}

Result<json> Eval(const Expr& e, const Scope& scope, const json* piped);

Result<json> Walk(const Expr& e, json v, const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    if (!v.is_object()) return ExecError(e, "can't evaluate field " + f + " in type " + (v.is_null() ? "<nil>" : "value"));
    auto it = v.find(f);
    if (it == v.end()) return ExecError(e, "can't evaluate field " + f);
    v = *it;
  }
  return v;
}

int Compare(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  std::string x = GoPrint(a), y = GoPrint(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

Result<json> Call(const Expr& e, const std::vector<json>& a) {
  const std::string& f = e.text;
  auto need = [&](size_t n) -> Status {
    if (a.size() != n) {
      return ExecError(e, "wrong number of args for " + f + ": want " + std::to_string(n) + " got " +
                              std::to_string(a.size()));
    }
    return Status::OK();
  };
  if (f == "json") {
    SWARMSIM_RETURN_IF_ERROR(need(1));
    return json(a[0].dump());
  }
  if (f == "lower" || f == "upper" || f == "title") {
    SWARMSIM_RETURN_IF_ERROR(need(1));
    std::string s = GoPrint(a[0]);
    if (f == "title") return json(Title(s));
    for (auto& c : s) c = static_cast<char>(f == "lower" ? std::tolower(c) : std::toupper(c));
    return json(s);
  }
  if (f == "join") {
    SWARMSIM_RETURN_IF_ERROR(need(2));
    std::string out;
    if (a[0].is_array()) {
      for (size_t i = 0; i < a[0].size(); ++i) {
        if (i) out += GoPrint(a[1]);
        out += GoPrint(a[0][i]);
      }
    }
    return json(out);
  }
  if (f == "split") {
    SWARMSIM_RETURN_IF_ERROR(need(2));
    std::string s = GoPrint(a[0]), sep = GoPrint(a[1]);
    json out = json::array();
    size_t start = 0;
    for (;;) {
      size_t p = sep.empty() ? std::string::npos : s.find(sep, start);
      out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
      if (p == std::string::npos) break;
      start = p + sep.size();
    }
    return out;
  }
  if (f == "truncate") {
    SWARMSIM_RETURN_IF_ERROR(need(2));
    std::string s = GoPrint(a[0]);
    size_t n = static_cast<size_t>(a[1].is_number() ? a[1].get<double>() : 0);
    return json(s.size() > n ? s.substr(0, n) : s);
  }
  if (f == "pad") {
    SWARMSIM_RETURN_IF_ERROR(need(3));
    size_t l = static_cast<size_t>(a[1].get<double>()), r = static_cast<size_t>(a[2].get<double>());
    return json(std::string(l, ' ') + GoPrint(a[0]) + std::string(r, ' '));
  }
  if (f == "println" || f == "print") {
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
      if (i && f == "println") out += ' ';
      out += GoPrint(a[i]);
    }
    return json(f == "println" ? out + "\n" : out);
  }
  if (f == "printf") {
    if (a.empty()) return ExecError(e, "wrong number of args for printf");
    std::string fmt = GoPrint(a[0]), out;
    size_t arg = 1;
    for (size_t i = 0; i < fmt.size(); ++i) {
      if (fmt[i] != '%' || i + 1 >= fmt.size()) { out += fmt[i]; continue; }
      char v = fmt[++i];
      if (v == '%') { out += '%'; continue; }
      out += arg < a.size() ? GoPrint(a[arg++]) : "%!" + std::string(1, v) + "(MISSING)";
    }
    return json(out);
  }
  if (f == "index") {
    if (a.size() < 2) return ExecError(e, "wrong number of args for index");
    json v = a[0];
    for (size_t i = 1; i < a.size(); ++i) {
      if (v.is_object()) {
        auto it = v.find(GoPrint(a[i]));
        v = it == v.end() ? json("") : *it;
      } else if (v.is_array() && a[i].is_number()) {
        size_t k = static_cast<size_t>(a[i].get<double>());
        if (k >= v.size()) return ExecError(e, "error calling index: index out of range: " + std::to_string(k));
        v = v[k];
      } else {
        return ExecError(e, "error calling index: can't index item");
      }
    }
    return v;
  }
  if (f == "len") {
    SWARMSIM_RETURN_IF_ERROR(need(1));
    if (a[0].is_string()) return json(a[0].get<std::string>().size());
    if (a[0].is_array() || a[0].is_object()) return json(a[0].size());
    return ExecError(e, "error calling len: len of type not supported");
  }
  if (f == "not") {
    SWARMSIM_RETURN_IF_ERROR(need(1));
    return json(!Truthy(a[0]));
  }
  if (f == "and" || f == "or") {
    if (a.empty()) return ExecError(e, "wrong number of args for " + f);
    for (size_t i = 0; i + 1 < a.size(); ++i) {
      if (Truthy(a[i]) != (f == "and")) return a[i];
    }
    return a.back();
  }
  // Comparisons.
  SWARMSIM_RETURN_IF_ERROR(need(2));
  int c = Compare(a[0], a[1]);
  if (f == "eq") return json(c == 0);
  if (f == "ne") return json(c != 0);
  if (f == "lt") return json(c < 0);
  if (f == "le") return json(c <= 0);
  if (f == "gt") return json(c > 0);
  return json(c >= 0);
}

Result<json> Eval(const Expr& e, const Scope& scope, const json* piped) {
  switch (e.kind) {
    case Expr::kString: return json(e.text);
    case Expr::kNumber: {
      if (e.number == static_cast<double>(static_cast<int64_t>(e.number))) return json(static_cast<int64_t>(e.number));
      return json(e.number);
    }
    case Expr::kBool: return json(e.boolean);
    case Expr::kDot: return scope.dot;
    case Expr::kField: return Walk(e, scope.dot, e.fields);
    case Expr::kVariable: {
      std::string name = e.text.substr(0, e.text.find('.'));
      if (name == "$") return Walk(e, scope.vars.empty() ? scope.dot : scope.vars.front().second, e.fields);
      for (auto it = scope.vars.rbegin(); it != scope.vars.rend(); ++it) {
        if (it->first == name) return Walk(e, it->second, e.fields);
      }
      return ExecError(e, "undefined variable: " + name);
    }
    case Expr::kCall: {
      std::vector<json> args;
      for (const auto& a : e.args) {
        auto v = Eval(a, scope, nullptr);
        if (!v.ok()) return v.status();
        args.push_back(v.value());
      }
      if (piped) args.push_back(*piped);
      return Call(e, args);
    }
    case Expr::kPipeline: {
      json value;
      bool have = false;
      for (const auto& c : e.commands) {
        auto v = Eval(c, scope, have ? &value : nullptr);
        if (!v.ok()) return v.status();
        if (have && c.kind != Expr::kCall) return ExecError(c, "can't give argument to non-function");
        value = v.value();
        have = true;
      }
      return value;
    }
  }
  return json();
}

Status Run(const std::vector<std::shared_ptr<Node>>& nodes, Scope* scope, std::string* out) {
  for (const auto& n : nodes) {
    switch (n->kind) {
      case Node::kText: *out += n->text; break;
      case Node::kAction: {
        auto v = Eval(n->pipe, *scope, nullptr);
        if (!v.ok()) return v.status();
        *out += GoPrint(v.value());
        break;
      }
      case Node::kIf: {
        auto v = Eval(n->pipe, *scope, nullptr);
        if (!v.ok()) return v.status();
        SWARMSIM_RETURN_IF_ERROR(Run(Truthy(v.value()) ? n->children : n->otherwise, scope, out));
        break;
      }
      case Node::kRange: {
        auto v = Eval(n->pipe, *scope, nullptr);
        if (!v.ok()) return v.status();
        const json& coll = v.value();
        if (!Truthy(coll)) {
          SWARMSIM_RETURN_IF_ERROR(Run(n->otherwise, scope, out));
          break;
        }
        auto body = [&](const json& key, const json& item) -> Status {
          Scope inner = *scope;
          inner.dot = item;
          if (n->vars.size() == 1) inner.vars.push_back({n->vars[0], item});
          if (n->vars.size() == 2) {
            inner.vars.push_back({n->vars[0], key});
            inner.vars.push_back({n->vars[1], item});
          }
          return Run(n->children, &inner, out);
        };
        if (coll.is_object()) {
          for (auto it = coll.begin(); it != coll.end(); ++it) SWARMSIM_RETURN_IF_ERROR(body(json(it.key()), it.value()));
        } else if (coll.is_array()) {
          for (size_t i = 0; i < coll.size(); ++i) SWARMSIM_RETURN_IF_ERROR(body(json(i), coll[i]));
        } else {
          return ExecError(n->pipe, "range can't iterate over " + GoPrint(coll));
        }
        break;
      }
      case Node::kList: SWARMSIM_RETURN_IF_ERROR(Run(n->children, scope, out)); break;
    }
  }
  return Status::OK();
}

}  // namespace

std::string GoPrint(const json& v) {
  if (v.is_null()) return "<no value>";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number()) {
    double d = v.get<double>();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
  }
  std::string out = v.is_object() ? "map[" : "[";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += " ";
    first = false;
    if (v.is_object()) out += it.key() + ":";
    out += GoPrint(it.value());
  }
  return out + "]";
}

Result<GoTemplate> GoTemplate::Parse(const std::string& text) {
  size_t pos = 0;
  std::string stop;
  auto root = ParseList(text, &pos, &stop, true);
  if (!root.ok()) return root.status();
  GoTemplate t;
  t.root_ = root.value();
  return t;
}

Result<std::string> GoTemplate::Execute(const json& data) const {
  Scope scope;
  scope.dot = data;
  scope.vars.push_back({"$", data});
  std::string out;
  SWARMSIM_RETURN_IF_ERROR(Run(root_->children, &scope, &out));
  return out;
}

}  // namespace swarmsim
