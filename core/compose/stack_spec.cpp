#include "core/compose/stack_spec.h"

#include <cctype>

#include "core/compose/go_text.h"

namespace swarmsim {

namespace {

// Go's unicode.IsSpace for ASCII and the common Unicode spaces, plus quotes.
bool QuoteOrSpace(const std::string& s, size_t i, size_t* width) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *width = 1;
  if (c == '"' || c == '\'' || c == ' ' || (c >= '\t' && c <= '\r')) return true;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0x85 || d == 0xA0) {
      *width = 2;
      return true;
    }
  }
  return false;
}

}  // namespace

Status CheckStackName(const std::string& name) {
  size_t i = 0;
  size_t w = 0;
  while (i < name.size() && QuoteOrSpace(name, i, &w)) i += w;
  if (i == name.size()) return Status::InvalidArgument("invalid stack name: " + compose::GoQuote(name));
  return Status::OK();
}

std::string ScopedName(const std::string& stack, const std::string& name) { return stack + "_" + name; }

}  // namespace swarmsim
