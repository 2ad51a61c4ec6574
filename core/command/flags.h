// Command-line flags the way the docker CLI (cobra/pflag) reads them:
// --name value, --name=value, -n value, -q, bool flags, repeatable flags, and "--"
// ending flags. Errors use pflag's words ("unknown flag: --foo").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim {

struct FlagSpec {
  std::string name;       // long name without dashes
  char shorthand = 0;     // 0: none
  bool is_bool = false;
  std::string value_kind; // shown in errors' context; "" for plain strings
};

class ParsedArgs {
 public:
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // Last value given (flags given twice keep the last), or `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Every value given, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// "k=v" flags (--label, --opt) as a map; "k" alone maps to "" (the last one wins).
std::map<std::string, std::string> ParseKeyValues(const std::vector<std::string>& raw);

// Parses `args` against `specs`. Flags and positionals may interleave, like cobra.
Result<ParsedArgs> ParseFlags(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args);

}  // namespace swarmsim
