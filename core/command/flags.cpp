#include "core/command/flags.h"

#include <cctype>
#include <utility>

namespace swarmsim {

FlagSpec FlagSpec::Bool(std::string name, char shorthand, std::string help, std::string default_shown) {
  FlagSpec f;
  f.default_shown = std::move(default_shown);
  f.name = std::move(name);
  f.shorthand = shorthand;
  f.is_bool = true;
  f.help = std::move(help);
  return f;
}

FlagSpec FlagSpec::Value(std::string name, char shorthand, std::string type, std::string help,
                         std::string default_shown) {
  FlagSpec f;
  f.name = std::move(name);
  f.shorthand = shorthand;
  f.type = std::move(type);
  f.help = std::move(help);
  f.default_shown = std::move(default_shown);
  return f;
}

std::string FlagSpec::DisplayName() const {
  return shorthand ? std::string("-") + shorthand + ", --" + name : "--" + name;
}

FlagSpec FlagSpec::Hidden() const {
  FlagSpec f = *this;
  f.hidden = true;
  return f;
}

std::string ParsedArgs::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

namespace {

Status InvalidValue(const FlagSpec& spec, const std::string& value, const std::string& why) {
  return Status::InvalidFlag("invalid argument \"" + value + "\" for \"" + spec.DisplayName() + "\" flag: " + why);
}

// What pflag's Set checks as it reads a value: bools, and docker's filter type.
Status CheckValue(const FlagSpec& spec, const std::string& value) {
  if (spec.is_bool && value != "true" && value != "false") {
    return InvalidValue(spec, value, "strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
  }
  if (spec.type == "filter" && !value.empty() && value.find('=') == std::string::npos) {
    return InvalidValue(spec, value, "bad format of filter (expected name=value)");
  }
  return Status::OK();
}

}  // namespace

Result<ParsedArgs> ParseFlags(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args) {
  ParsedArgs out;
  auto by_name = [&](const std::string& n) -> const FlagSpec* {
    for (const auto& s : specs) if (s.name == n) return &s;
    return nullptr;
  };
  auto by_short = [&](char c) -> const FlagSpec* {
    for (const auto& s : specs) if (s.shorthand == c) return &s;
    return nullptr;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      for (++i; i < args.size(); ++i) out.positional_.push_back(args[i]);
      break;
    }
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2), value;
      bool has_value = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      const FlagSpec* spec = by_name(name);
      if (!spec) return Status::InvalidFlag("unknown flag: --" + name);
      if (spec->is_bool) {
        if (!has_value) value = "true";
        // strconv.ParseBool's other words, kept as "true" or "false".
        if (value == "1" || value == "t" || value == "T" || value == "TRUE" || value == "True") value = "true";
        if (value == "0" || value == "f" || value == "F" || value == "FALSE" || value == "False") value = "false";
      } else if (!has_value) {
        if (i + 1 >= args.size()) return Status::InvalidFlag("flag needs an argument: --" + name);
        value = args[++i];
      }
      SWARMSIM_RETURN_IF_ERROR(CheckValue(*spec, value));
      out.values_[name].push_back(value);
      continue;
    }
    // "-5s" is a negative value, not a cluster of short flags.
    if (a.size() > 1 && a[0] == '-' && !std::isdigit(static_cast<unsigned char>(a[1]))) {
      // A cluster of short flags: -qa, or -n value / -nvalue.
      for (size_t j = 1; j < a.size(); ++j) {
        const FlagSpec* spec = by_short(a[j]);
        if (!spec) {
          return Status::InvalidFlag(std::string("unknown shorthand flag: '") + a[j] + "' in " + a);
        }
        if (spec->is_bool) {
          // -q=false: the rest of the word is the value.
          std::string value = j + 1 < a.size() && a[j + 1] == '=' ? a.substr(j + 2) : "true";
          SWARMSIM_RETURN_IF_ERROR(CheckValue(*spec, value));
          out.values_[spec->name].push_back(value);
          if (j + 1 < a.size() && a[j + 1] == '=') break;
          continue;
        }
        std::string value = a.substr(j + 1);
        if (value.empty()) {
          if (i + 1 >= args.size()) {
            return Status::InvalidFlag(std::string("flag needs an argument: '") + a[j] + "' in -" + a[j]);
          }
          value = args[++i];
        } else if (value[0] == '=') {
          value = value.substr(1);
        }
        SWARMSIM_RETURN_IF_ERROR(CheckValue(*spec, value));
        out.values_[spec->name].push_back(value);
        break;
      }
      continue;
    }
    out.positional_.push_back(a);
  }
  return out;
}

std::map<std::string, std::string> ParseKeyValues(const std::vector<std::string>& raw) {
  std::map<std::string, std::string> out;
  for (const auto& kv : raw) {
    auto eq = kv.find('=');
    out[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
  }
  return out;
}

}  // namespace swarmsim
