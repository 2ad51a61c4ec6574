// Turning `service create` / `service update` flags into spec changes, with the
// docker CLI's parsing rules and error texts.
#pragma once

#include <string>

#include "core/command/command.h"
#include "core/command/flags.h"
#include "core/model/config.h"
#include "core/model/service.h"
#include "core/status.h"

namespace swarmsim {

// Flags shared by create and update, plus each one's own.
std::vector<FlagSpec> ServiceCreateFlags();
std::vector<FlagSpec> ServiceUpdateFlags();

// Builds a new spec from `service create` flags and positionals (IMAGE [COMMAND] [ARG...]).
// `ctx` supplies what flags read beyond argv: --env-file files (read_file, so the
// command log keeps them) and the environment (bare names in env files, PWD for
// a relative --mount source); names looked up go into ctx->env_used. May be null
// when no such flag is given.
Result<ServiceSpec> SpecFromCreateFlags(const ParsedArgs& args, CommandContext* ctx);

// Applies `service update` flags to `spec` (`ctx` as for SpecFromCreateFlags).
Status ApplyUpdateFlags(const ParsedArgs& args, ServiceSpec* spec, CommandContext* ctx);

// "0.5" -> 500000000 (docker's NanoCPUs flag type).
Result<int64_t> ParseNanoCpus(const std::string& flag, const std::string& value);

// "8080:80", "8080:80/udp", "published=8080,target=80,mode=host".
Result<PortConfig> ParsePort(const std::string& value);

// `--secret` / `--config` values: "NAME" or "source=NAME,target=PATH,uid=0,gid=0,mode=0444"
// (target defaults to the name; the daemon places relative targets under / for
// configs, /run/secrets/ for secrets). The ID stays empty: the command resolves it.
Result<FileReference> ParseFileReference(const std::string& flag, const std::string& value, BlobKind kind);

}  // namespace swarmsim
