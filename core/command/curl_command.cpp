// curl [-i] [-f] [-s] [-d DATA] [-X METHOD] URL: a request to a published port,
// through the routing mesh, answered by the task's simulated program. Errors
// and exit codes are curl's.
#include <cctype>

#include "core/command/registry.h"
#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/mesh/routing_mesh.h"

namespace swarmsim {

namespace {

struct Url {
  std::string host;
  uint32_t port = 80;
  std::string path = "/";
};

bool ParseUrl(const std::string& text, Url* url) {
  std::string rest = text;
  if (rest.rfind("http://", 0) == 0) {
    rest = rest.substr(7);
  } else if (rest.find("://") != std::string::npos) {
    return false;
  }
  size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  url->path = slash == std::string::npos ? "/" : rest.substr(slash);
  size_t colon = authority.rfind(':');
  url->host = authority.substr(0, colon);
  if (url->host.empty()) return false;
  for (char c : url->host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '_') return false;
  }
  if (colon != std::string::npos) {
    std::string port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    unsigned long p = std::stoul(port);
    if (p == 0 || p > 65535) return false;
    url->port = static_cast<uint32_t>(p);
  }
  return true;
}

// The mesh listens on every node: localhost, loopback, or any node's hostname.
bool KnownHost(const ClusterState& state, const std::string& host) {
  if (host == "localhost" || host == "127.0.0.1") return true;
  for (const auto& [id, n] : state.nodes) {
    if (n.description.hostname == host) return true;
  }
  return false;
}

Status Curl(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto fail = [&](int code, const std::string& msg) {
    out->out.clear();
    out->err = "curl: (" + std::to_string(code) + ") " + msg + "\n";
    out->exit_code = code;
    return Status::OK();
  };
  Url url;
  if (!ParseUrl(args.positional()[0], &url)) return fail(3, "URL using bad/illegal format or missing URL");
  if (!KnownHost(*ctx->state, url.host)) return fail(6, "Could not resolve host: " + url.host);
  HttpRequest request;
  request.path = url.path;
  if (args.Has("data")) {
    request.method = "POST";
    request.body = args.Get("data");
  }
  if (args.Has("request")) request.method = args.Get("request");
  MeshResult r = RouteRequest(ctx->state, url.port, request);
  if (!r.task) {
    return fail(7, "Failed to connect to " + url.host + " port " + std::to_string(url.port) +
                       " after 0 ms: Couldn't connect to server");
  }
  const HttpResponse& resp = r.response;
  if (args.Has("fail") && resp.status >= 400) {
    return fail(22, "The requested URL returned error: " + std::to_string(resp.status));
  }
  if (args.Has("include")) {
    const Node& node = ctx->state->nodes.at(r.task->node_id);
    std::string head = "HTTP/1.1 " + std::to_string(resp.status) + " " + ReasonPhrase(resp.status) + "\r\n";
    bool has_type = false;
    for (const auto& [k, v] : resp.headers) {
      if (k == "Content-Type") has_type = true;
    }
    if (!has_type) head += "Content-Type: text/plain; charset=utf-8\r\n";
    for (const auto& [k, v] : resp.headers) {
      if (k == "Content-Type") head += k + ": " + v + "\r\n";
    }
    head += "Content-Length: " + std::to_string(resp.body.size()) + "\r\n";
    head += "X-Swarmsim-Service: " + r.service->spec.name + "\r\n";
    head += "X-Swarmsim-Task: " + TaskName(*r.task) + "." + r.task->id.substr(0, 12) + "\r\n";
    head += "X-Swarmsim-Node: " + node.description.hostname + "\r\n";
    for (const auto& [k, v] : resp.headers) {
      if (k != "Content-Type") head += k + ": " + v + "\r\n";
    }
    out->out += head + "\r\n";
  }
  out->out += resp.body;
  return Status::OK();
}

}  // namespace

void RegisterCurlCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"curl"},
                   .usage = "curl [-i] [-f] [-s] [-d DATA] [-X METHOD] http://localhost:PORT/PATH",
                   .description = "Send an HTTP request to a published port, through the routing mesh to a task",
                   .flags = {FlagSpec::Bool("include", 'i', "Include the response headers (which task, which node)"),
                             FlagSpec::Bool("fail", 'f', "Fail fast with no output on HTTP errors (exit code 22)"),
                             FlagSpec::Bool("silent", 's', "Silent mode"),
                             FlagSpec::Value("data", 'd', "string", "Send DATA in a POST request"),
                             FlagSpec::Value("request", 'X', "string", "Request method to use", "GET")},
                   .min_args = 1,
                   .max_args = 1,
                   .run = Curl});
}

}  // namespace swarmsim
