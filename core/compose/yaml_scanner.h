// The token stage of the compose YAML reader: libyaml's scanner (as ported in
// gopkg.in/yaml.v3), producing tokens on demand with the same look-ahead, so
// that its errors and their line numbers are docker's. Internal to core/compose.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace swarmsim::compose {

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

enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Token {
  TokenType type = TokenType::kStreamStart;
  Mark start, end;
  std::string value;   // scalar text, anchor/alias name, tag handle, directive prefix
  std::string suffix;  // tag suffix
  ScalarStyle style = ScalarStyle::kPlain;
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

// Tokens of one input, fetched lazily (the parser pulls them).
class YamlScanner {
 public:
  explicit YamlScanner(const std::string& text);
  ~YamlScanner();
  YamlScanner(const YamlScanner&) = delete;
  YamlScanner& operator=(const YamlScanner&) = delete;

  // The next token, or nullptr after a scanner error (see error()).
  const Token* Peek();
  // Consumes the token Peek() returned. REQUIRES: Peek() != nullptr.
  void Skip();
  const SyntaxError& error() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace swarmsim::compose
