#include "core/command/command.h"

#include <algorithm>

#include "core/command/api_command.h"
#include "core/command/help.h"
#include "core/command/registry.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {

namespace {

// docker's exit code for a flag error (cobra's FlagErrorFunc in docker/cli).
constexpr int kFlagErrorExit = 125;

// Finds the command whose path is the longest prefix of `args`.
const CommandDef* Lookup(const std::vector<std::string>& args, size_t* consumed) {
  const CommandDef* best = nullptr;
  for (size_t n = std::min<size_t>(args.size(), 3); n >= 1 && !best; --n) {
    best = FindCommand(std::vector<std::string>(args.begin(), args.begin() + n));
    if (best) *consumed = n;
  }
  return best;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

bool AsksForHelp(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

// What docker/cli's cli/required.go says when the argument count is wrong, or "".
std::string ArgCountError(const CommandDef& def, int n) {
  std::string path = "swarmsim " + Join(def.path, " ");
  auto plural = [](int k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
  std::string what, next = "Run";
  if (def.max_args == 0) {
    if (n == 0) return "";
    what = "accepts no arguments";
  } else if (def.min_args == def.max_args) {
    if (n == def.min_args) return "";
    what = "requires " + plural(def.min_args);
  } else if (def.max_args < 0) {
    if (n >= def.min_args) return "";
    what = "requires at least " + plural(def.min_args);
    next = "See";
  } else if (def.min_args == 0) {
    if (n <= def.max_args) return "";
    what = "requires at most " + plural(def.max_args);
    next = "SRun";  // sic: docker 28.2.2's RequiresMaxArgs prints it so
  } else {
    if (n >= def.min_args && n <= def.max_args) return "";
    what = "requires at least " + std::to_string(def.min_args) + " and at most " + plural(def.max_args);
  }
  return "swarmsim: '" + path + "' " + what + "\n\nUsage:  " + UseLine(def) + "\n\n" + next + " '" + path +
         " --help' for more information\n";
}

std::string FlagErrorTrailer(const std::string& use_line, const std::string& path) {
  return "\n\nUsage:  " + use_line + "\n\nRun '" + path + " --help' for more information\n";
}

// A command's own flag check names the flag "--name"; pflag says "-n, --name"
// when the flag has a shorthand.
std::string WithShorthand(const CommandDef& def, const std::string& message) {
  const std::string marker = " for \"--";
  size_t at = message.find(marker);
  if (at == std::string::npos) return message;
  size_t start = at + marker.size(), end = message.find('"', start);
  if (end == std::string::npos) return message;
  std::string name = message.substr(start, end - start);
  for (const auto& f : def.flags) {
    if (f.name == name) return message.substr(0, at + 6) + f.DisplayName() + message.substr(end);
  }
  return message;
}

// A group's first word without a command after it, or with an unknown one.
CommandOutput GroupFallback(const CommandGroup& group, const std::vector<std::string>& args) {
  CommandOutput out;
  std::string path = "swarmsim " + group.name;
  if (args.size() < 2) {
    out.err = GroupHelp(group);  // docker prints it to stderr and exits 0
    return out;
  }
  out.exit_code = 1;
  if (args[1].size() > 1 && args[1][0] == '-') {
    std::string flag = args[1].substr(0, args[1].find('='));
    out.err = (flag.rfind("--", 0) == 0 ? "unknown flag: " + flag
                                         : std::string("unknown shorthand flag: '") + flag[1] + "' in " + args[1]) +
              FlagErrorTrailer(path, path);
    out.exit_code = kFlagErrorExit;
    return out;
  }
  out.err = "swarmsim: unknown command: " + path + " " + args[1] + "\n\nUsage:  " + path + "\n\nRun '" + path +
            " --help' for more information\n";
  return out;
}

// Flags and argument count as docker checks them before running a command: the
// error output, or nullopt when the words are right (then *parsed holds them).
std::optional<CommandOutput> CheckWords(const CommandDef& def, const std::vector<std::string>& rest,
                                        ParsedArgs* parsed) {
  CommandOutput out;
  if (def.raw_args) {
    parsed->positional_ = rest;
  } else {
    Result<ParsedArgs> flags = ParseFlags(def.flags, rest);
    if (!flags.ok()) {
      out.err = flags.status().message() + FlagErrorTrailer(UseLine(def), "swarmsim " + Join(def.path, " "));
      out.exit_code = kFlagErrorExit;
      return out;
    }
    *parsed = std::move(flags.value());
  }
  out.err = ArgCountError(def, static_cast<int>(parsed->positional().size()));
  if (out.err.empty()) return std::nullopt;
  out.exit_code = 1;
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> PerObjectCommands(const std::vector<std::string>& args) {
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (!def || !def->per_object) return {};
  std::vector<std::string> rest(args.begin() + consumed, args.end());
  if (AsksForHelp(rest)) return {};
  auto parsed = ParseFlags(def->flags, rest);
  if (!parsed.ok() || parsed->positional().size() < 2) return {};
  // The flags in one canonical spelling, then the object after "--" (a name may
  // start with a dash).
  std::vector<std::string> common(args.begin(), args.begin() + consumed);
  for (const auto& [name, values] : parsed->values_) {
    for (const auto& v : values) common.push_back("--" + name + "=" + v);
  }
  std::vector<std::vector<std::string>> out;
  for (const auto& object : parsed->positional()) {
    std::vector<std::string> one = common;
    one.push_back("--");
    one.push_back(object);
    out.push_back(std::move(one));
  }
  return out;
}

bool IsReadOnlyCommand(const std::vector<std::string>& args) {
  // Help and usage errors read nothing (and are not kept in the command log).
  if (AnswerWithoutCluster(args)) return true;
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (!def) return false;
  if (def->path[0] == "api") return IsReadOnlyApiCall(args);
  // A dry run only reads, whatever the command.
  return def->read_only || std::find(args.begin(), args.end(), "--dry-run") != args.end();
}

bool CanSkipTasks(const std::vector<std::string>& args) {
  if (AnswerWithoutCluster(args)) return false;
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  return def && def->can_skip_tasks && def->read_only;
}

std::optional<CommandOutput> AnswerWithoutCluster(const std::vector<std::string>& args) {
  CommandOutput out;
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    out.out = RootHelp();
    return out;
  }
  if (args[0] == "help") {  // `swarmsim help service ls`, as `docker help`
    std::vector<std::string> topic(args.begin() + 1, args.end());
    topic.push_back("--help");
    return AnswerWithoutCluster(topic);
  }
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (def) {
    std::vector<std::string> rest(args.begin() + consumed, args.end());
    // exec passes its words through to the program: only `exec --help` is help.
    bool help = def->raw_args ? !rest.empty() && (rest[0] == "--help" || rest[0] == "-h") : AsksForHelp(rest);
    if (help) {
      out.out = CommandHelp(*def);
      return out;
    }
    // The front end runs these itself, once the words are right.
    ParsedArgs unused;
    if (def->front_end_only) return CheckWords(*def, rest, &unused);
    return std::nullopt;
  }
  if (const CommandGroup* group = FindCommandGroup(args[0])) {
    if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) {
      out.out = GroupHelp(*group);
      return out;
    }
    return GroupFallback(*group, args);
  }
  out.err = "swarmsim: unknown command: swarmsim " + args[0] + "\n\nRun 'swarmsim --help' for more information\n";
  out.exit_code = 1;
  return out;
}

CommandOutput RunCommand(CommandContext* ctx, const std::vector<std::string>& args) {
  if (auto answer = AnswerWithoutCluster(args)) return *answer;
  CommandOutput out;
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  std::string path = "swarmsim " + Join(def->path, " ");
  if (def->front_end_only) {
    out.err = "swarmsim: '" + path + "' runs only from the swarmsim command line\n";
    out.exit_code = 1;
    return out;
  }
  std::vector<std::string> rest(args.begin() + consumed, args.end());
  ParsedArgs parsed;
  if (auto wrong = CheckWords(*def, rest, &parsed)) return *wrong;
  Status st = def->run(ctx, parsed, &out);
  // What a command changed takes effect at once: orchestrators, scheduler and
  // agents react in the same instant (and the same transaction).
  if (st.ok() && !IsReadOnlyCommand(args)) Reconcile(ctx->state);
  if (!st.ok()) {
    // A failed command changes nothing, so nothing it printed stands: one error line.
    out.out.clear();
    out.stream = nullptr;
    if (st.code() == Status::Code::kInvalidFlag) {
      out.err = WithShorthand(*def, st.message()) + FlagErrorTrailer(UseLine(*def), path);
      out.exit_code = kFlagErrorExit;
    } else {
      out.err = st.message() + "\n";
      out.exit_code = 1;
    }
  }
  out.err = out.warnings + out.err;
  out.warnings.clear();
  return out;
}

}  // namespace swarmsim
