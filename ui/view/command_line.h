// Splitting a console line into argv the way a POSIX shell would for simple
// input: whitespace separates words, single quotes keep text literally, double
// quotes keep spaces, a backslash escapes the next character. A leading
// "swarmsim" or "docker" is dropped, so lines pasted from a lesson work as typed.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim::ui {

// InvalidArgument("unterminated quote") when a quote is not closed. An empty or
// blank line gives an empty vector.
Result<std::vector<std::string>> SplitCommandLine(const std::string& line);

}  // namespace swarmsim::ui
