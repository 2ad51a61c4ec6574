// Command-line flags the way the docker CLI (cobra/pflag) reads them:
// --name value, --name=value, -n value, -q, bool flags, repeatable flags, and "--"
// ending flags. Errors use pflag's words ("unknown flag: --foo").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim {

// One flag of a command: how it parses and how --help shows it. Made only by
// Bool() and Value(), so every flag carries its help text.
struct FlagSpec {
  // A flag without a value ("--quiet", "-q", "--quiet=false"). `default_shown`:
  // "true" when the command acts as if it were given (help says so).
  static FlagSpec Bool(std::string name, char shorthand, std::string help, std::string default_shown = "");
  // A flag with a value. `type` is the word --help shows after the name, as
  // pflag names docker's value types ("string", "list", "duration", "uint",
  // "filter", "bytes", "decimal", ...). `default_shown` is what help prints as
  // "(default ...)", quoted when the type is "string"; "" prints nothing.
  static FlagSpec Value(std::string name, char shorthand, std::string type, std::string help,
                        std::string default_shown = "");
  // The same flag, left out of --help (a front end's plumbing, not for people).
  FlagSpec Hidden() const;
  // As pflag names the flag in errors: "-f, --filter", or "--name" without a shorthand.
  std::string DisplayName() const;

  std::string name;     // long name without dashes
  char shorthand = 0;   // 0: none
  bool is_bool = false;
  std::string type;     // "" for bools
  std::string help;
  std::string default_shown;
  bool hidden = false;

 private:
  FlagSpec() = default;
};

// docker's help for --format (cli/flags/options.go): list commands print tables,
// inspect-like commands print JSON.
inline constexpr const char* kListFormatHelp =
    "Format output using a custom template:\n"
    "'table':            Print output in table format with column headers (default)\n"
    "'table TEMPLATE':   Print output in table format using the given Go template\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
inline constexpr const char* kInspectFormatHelp =
    "Format output using a custom template:\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

class ParsedArgs {
 public:
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // Last value given (flags given twice keep the last), or `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // A bool flag's value: false when not given or given as false.
  bool GetBool(const std::string& name) const { return Get(name) == "true"; }
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
