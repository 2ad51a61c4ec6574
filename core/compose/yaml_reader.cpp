// A YAML reader with yaml.v3's behaviour, in three stages as in yaml.v3:
//   YamlScanner (yaml_scanner.h): characters -> tokens.
//   Parser:  tokens -> a node tree (anchors, tags, styles, line numbers),
//            following libyaml's state machine as recursion.
//   Decoder: nodes -> Value (scalar resolution, `<<` merges, duplicate keys).
#include "core/compose/yaml_reader.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "core/compose/go_text.h"
#include "core/compose/yaml_resolve.h"
#include "core/compose/yaml_scanner.h"

namespace swarmsim::compose {

namespace {

// ---------------------------------------------------------------------------
// Nodes

enum class NodeKind { kDocument, kSequence, kMapping, kScalar, kAlias };

struct Node {
  NodeKind kind = NodeKind::kScalar;
  std::string tag;  // short form: "!!str", "!!map", "!!int", "!custom"
  bool explicit_tag = false;
  std::string value;
  ScalarStyle style = ScalarStyle::kPlain;
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
      n->tag = ResolvePlainScalar(n->value).tag;
    }
  }

  Node* EmptyScalar(Mark mark) {
    Node* n = NewNode(NodeKind::kScalar, mark);
    n->style = ScalarStyle::kPlain;
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
    if (t->style != ScalarStyle::kPlain) {
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
  YamlScanner scanner_;
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
           (n->tag == "!!str" || ((n->tag.empty() || n->tag == "!") && n->style != ScalarStyle::kPlain));
  }

  static std::string ShortTagOf(const Node* n) {
    if (IndicatedString(n)) return "!!str";
    if (n->kind == NodeKind::kAlias && n->alias) return ShortTagOf(n->alias);
    if (n->tag.empty() || n->tag == "!") {
      switch (n->kind) {
        case NodeKind::kMapping: return "!!map";
        case NodeKind::kSequence: return "!!seq";
        case NodeKind::kScalar: return ResolvePlainScalar(n->value).tag;
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
      ResolvedScalar r = ResolvePlainScalar(n->value);
      *out = r.value;
      return true;
    }
    // Explicit tags: yaml.v3 checks the text against the tag.
    if (tag == "!!str" || tag == "!!binary" || tag.rfind("!!", 0) != 0) {
      *out = Value::String(n->value);
      return true;
    }
    ResolvedScalar r = ResolvePlainScalar(n->value);
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

void AppendUtf8(uint32_t v, std::string* out) {
  if (v < 0x80) {
    out->push_back(static_cast<char>(v));
  } else if (v < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (v >> 6)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  } else if (v < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (v >> 12)));
    out->push_back(static_cast<char>(0x80 | ((v >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (v >> 18)));
    out->push_back(static_cast<char>(0x80 | ((v >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((v >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  }
}

// yaml.v3's reader decodes a stream that starts with a UTF-16 byte-order mark
// (FF FE little-endian, FE FF big-endian) to UTF-8, with libyaml's errors. There
// is no UTF-32 in it: a UTF-32LE mark reads as UTF-16LE followed by U+0000,
// which the control-character check then refuses, as docker does.
std::string DecodeUtf16(const std::string& text, bool little_endian, std::string* out) {
  auto unit = [&](size_t i) {
    unsigned char a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    return static_cast<uint32_t>(little_endian ? a | (b << 8) : (a << 8) | b);
  };
  for (size_t i = 2; i < text.size();) {
    if (i + 2 > text.size()) return "incomplete UTF-16 character";
    uint32_t v = unit(i);
    if ((v & 0xFC00) == 0xDC00) return "unexpected low surrogate area";
    if ((v & 0xFC00) == 0xD800) {
      if (i + 4 > text.size()) return "incomplete UTF-16 surrogate pair";
      uint32_t low = unit(i + 2);
      if ((low & 0xFC00) != 0xDC00) return "expected low surrogate area";
      v = 0x10000 + ((v & 0x3FF) << 10) + (low & 0x3FF);
      i += 4;
    } else {
      i += 2;
    }
    AppendUtf8(v, out);
  }
  return "";
}

}  // namespace

Result<Value> ParseYaml(const std::string& raw) {
  std::string text = raw;
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    text.clear();
    std::string bad = DecodeUtf16(raw, raw[0] == '\xFF', &text);
    if (!bad.empty()) return Status::InvalidArgument("yaml: " + bad);
  }
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
