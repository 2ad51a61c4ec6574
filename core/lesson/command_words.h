// Lesson commands as a student types them: "swarmsim service inspect web
// --format '{{.ID}}'". Splits a line into words the way a POSIX shell does for
// simple input (whitespace separates, single quotes are literal, double quotes
// keep spaces, a backslash escapes the next character).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim::lesson {

// InvalidArgument("unterminated quote") when a quote is not closed.
Result<std::vector<std::string>> SplitWords(const std::string& line);

// The docker command beside a swarmsim one: "docker ..." for the commands docker
// has (swarm, node, service, stack, config, secret, volume, events), the line
// without "swarmsim " for curl, and "" for simulator-only commands (time, node
// add/down/up, explain, replay, image, exec, lesson).
std::string DockerForm(const std::vector<std::string>& argv);

}  // namespace swarmsim::lesson
