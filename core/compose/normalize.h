// Small parsers docker's compose loader relies on, each matching the Go
// library it comes from (error texts included). Internal to core/compose.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/compose/project.h"
#include "core/status.h"

namespace swarmsim::compose {

// go-units RAMInBytes ("100M" = 100 MiB, "1.5g", "512k", "1024"). Errors:
// "invalid size: '<text>'", "invalid suffix: '<suffix>'",
// "strconv.ParseFloat: parsing \"x\": invalid syntax".
Result<int64_t> RamInBytes(const std::string& text);

// google/shlex Split: POSIX-like words. Errors: "EOF found when expecting
// closing quote", "EOF found after escape character".
Result<std::vector<std::string>> ShellSplit(const std::string& text);

// docker's compose ParseVolume for the short syntax ("data:/var/lib:ro",
// "./conf:/etc/conf", "/anon"). Errors: "invalid empty volume spec",
// "invalid spec: <spec>: too many colons", "... empty section between colons".
Result<ComposeMount> ParseVolumeSpec(const std::string& spec);

// Go's path.Clean / path.Join / path.Dir (slash-separated, lexical).
std::string CleanPath(const std::string& path);
std::string JoinPath(const std::string& dir, const std::string& file);
std::string DirPath(const std::string& path);

}  // namespace swarmsim::compose
