// --help as the docker CLI prints it (docker/cli cli/cobra.go's usage template
// over pflag's flag listing), for swarmsim's command table.
#pragma once

#include <string>
#include <vector>

#include "core/command/flags.h"
#include "core/command/registry.h"

namespace swarmsim {

// The width docker wraps help to when it cannot ask the terminal (80 columns,
// less one); swarmsim always uses it, so help reads the same everywhere.
inline constexpr int kHelpColumns = 79;

// The flags as pflag's FlagUsagesWrapped(cols) lists them: sorted by name, the
// help column aligned, long help wrapped, "(default ...)" added. Hidden flags
// are left out.
std::string FlagUsages(const std::vector<FlagSpec>& flags, int cols = kHelpColumns);

// "swarmsim service ls [OPTIONS]": the usage line of errors and help.
std::string UseLine(const CommandDef& def);

// `swarmsim service ls --help`: Usage, description, Aliases, Options.
std::string CommandHelp(const CommandDef& def);

// `swarmsim service --help` (and `swarmsim service` alone): the group's commands.
std::string GroupHelp(const CommandGroup& group);

// `swarmsim --help`: every group and top-level command.
std::string RootHelp();

// The group named `name`, or null.
const CommandGroup* FindCommandGroup(const std::string& name);

}  // namespace swarmsim
