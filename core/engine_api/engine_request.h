// One Docker Engine API request and its response, as the daemon sees them: no
// sockets here (server/ owns those), only method, target, body and the answer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim {

struct EngineRequest {
  std::string method;  // "GET", "HEAD", "POST", "DELETE"
  std::string target;  // path and query as sent: "/v1.49/services?status=true"
  std::string body;
  std::string node;    // hostname of the engine this endpoint is ("": the swarm's first manager)
};

struct EngineResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;  // beyond Content-Type and Content-Length
  std::string body;
};

// The API version range this daemon negotiates (docker 28.2: 1.50 down to 1.24;
// the simulator keeps today's semantics, so it starts at 1.41).
inline constexpr const char* kMaxApiVersion = "1.50";
inline constexpr const char* kMinApiVersion = "1.41";

// Streams (events, service logs) answer with what is there now and say where to
// continue: the last log sequence number they covered, which the `after-seq`
// query parameter (ours, not docker's) takes, and whether the stream has ended
// (an `until` in the past, or logs without follow). The server strips these.
inline constexpr const char* kLastSeqHeader = "Swarmsim-Last-Seq";
inline constexpr const char* kStreamDoneHeader = "Swarmsim-Stream-Done";

// A target split into its parts: "/v1.49/distribution/diamol/web:1/json?x=1" ->
// version "1.49", segments {"distribution", "diamol", "web:1", "json"}, query {x: 1}.
// Segments and query values are percent-decoded.
struct EngineTarget {
  std::string version;  // empty when the path has no /vX.Y prefix
  std::vector<std::string> segments;
  std::map<std::string, std::string> query;
};
Result<EngineTarget> ParseEngineTarget(const std::string& target);

// Compares "1.41" and "1.50" numerically: <0, 0, >0.
int CompareApiVersions(const std::string& a, const std::string& b);

// docker's `filters` query parameter: {"label":{"a=b":true}} (or the old
// {"label":["a=b"]}) -> label -> {a=b}. Errors: InvalidArgument for malformed JSON.
using EngineFilters = std::map<std::string, std::vector<std::string>>;
Result<EngineFilters> ParseEngineFilters(const std::string& text);

// {"message": ...} with the status the real daemon gives the error: 400 invalid,
// 404 not found, 409 conflict, 503 not a swarm manager, 500 otherwise. The CLI's
// "Error response from daemon: " prefix is taken off: the client adds it.
EngineResponse EngineError(const Status& status);
EngineResponse EngineError(int http_status, const std::string& message);

// The response as HTTP/1.1 text (status line, headers, blank line, body), which is
// how the `api` command prints it; ParseEngineResponse reads it back.
std::string FormatEngineResponse(const EngineResponse& response);
Result<EngineResponse> ParseEngineResponse(const std::string& text);

}  // namespace swarmsim
