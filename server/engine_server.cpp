#include "server/engine_server.h"

#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <utility>  // before Boost: asio's awaitable.hpp uses std::exchange (GCC 12, C++20)

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "core/engine_api/router.h"

namespace swarmsim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

EngineResponse CallEngine(const ServeOptions& options, const std::string& method, const std::string& target,
                          const std::string& body) {
  SessionOptions session = options.session;
  session.wall_now = options.wall_clock();
  std::vector<std::string> args{"api"};
  if (!options.node.empty()) args.push_back("--node=" + options.node);
  args.push_back(method);
  args.push_back(target);
  if (!body.empty()) args.push_back(body);
  CommandOutput out = RunSessionCommand(session, args);
  auto parsed = ParseEngineResponse(out.out);
  if (parsed.ok()) return parsed.value();
  std::string message = out.err.empty() ? "the simulator gave no answer" : out.err;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return EngineError(500, message);
}

EngineResponse CallEngine(const ServeOptions& options, LoadedCluster* cache, const std::string& method,
                          const std::string& target, const std::string& body) {
  if (IsMutatingMethod(method)) return CallEngine(options, method, target, body);
  const bool ping = target == "/_ping" || target.rfind("/_ping?", 0) == 0;
  if (!ping || !cache->loaded) {
    if (cache->path.empty()) cache->path = options.session.database_path;
    if (!RefreshLoadedCluster(cache, options.wall_clock()).ok()) return CallEngine(options, method, target, body);
  }
  CommandContext ctx;
  ctx.state = &cache->state;
  ctx.db = cache->db.get();
  ctx.env = options.session.env;
  ctx.seed = options.session.seed;
  return HandleEngineRequest(&ctx, EngineRequest{method, target, body, options.node});
}

namespace {

// A `docker exec` instance between its create and its start.
struct ExecInstance {
  std::string task_id;
  std::vector<std::string> cmd;
  bool tty = false;
  bool ran = false;
  int exit_code = 0;
};

class Server;

// One connection: HTTP/1.1 requests in turn (keep-alive), or one stream.
template <class Protocol>
class Connection : public std::enable_shared_from_this<Connection<Protocol>> {
 public:
  using Stream = beast::basic_stream<Protocol>;
  Connection(typename Protocol::socket socket, Server* server) : stream_(std::move(socket)), server_(server) {}
  ~Connection();
  void Start() { ReadRequest(true); }

 private:
  void ReadRequest(bool first);
  void OnRead(error_code ec);
  void Dispatch();
  void WriteResponse(const EngineResponse& r, bool keep_alive);
  void WriteRaw(std::shared_ptr<std::string> bytes, bool then_close);
  void Close();
  void StartStream(const std::string& target, const std::string& content_type);
  void PollStream();
  void WatchPeer();
  void ExecStart(const std::string& id);

  Stream stream_;
  Server* server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::request<http::string_body> request_;
  // A followed stream: the target to ask again, and how far it got.
  std::string stream_target_;
  std::string stream_after_;
  // A stream with `until` ends by then on the real clock whatever the cluster's
  // clock does (a paused or pinned clock must not keep a client waiting forever).
  std::optional<std::chrono::system_clock::time_point> stream_deadline_;
  std::optional<asio::steady_timer> poll_timer_;
  std::array<char, 256> peer_buf_{};
  bool closed_ = false;
};

class Server {
 public:
  Server(asio::io_context& io, const ServeOptions& options) : io_(io), options_(options) {}
  asio::io_context& io() { return io_; }
  const ServeOptions& options() const { return options_; }
  size_t& connections() { return connections_; }
  std::map<std::string, ExecInstance>& execs() { return execs_; }

  EngineResponse Call(const std::string& method, const std::string& target, const std::string& body) {
    return CallEngine(options_, &cache_, method, target, body);
  }

  template <class Protocol>
  void Accept(typename Protocol::acceptor& acceptor) {
    acceptor.async_accept([this, &acceptor](error_code ec, typename Protocol::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        if (connections_ >= options_.max_connections) {
          // Over the limit: one answer in docker's shape, then the connection goes.
          auto text = std::make_shared<std::string>(FormatEngineResponse(
              EngineError(503, "too many connections to the simulated engine (limit " +
                                   std::to_string(options_.max_connections) + "); try again")));
          auto sock = std::make_shared<typename Protocol::socket>(std::move(socket));
          asio::async_write(*sock, asio::buffer(*text), [sock, text](error_code, size_t) {
            error_code ignored;
            sock->shutdown(asio::socket_base::shutdown_both, ignored);
            sock->close(ignored);
          });
        } else {
          std::make_shared<Connection<Protocol>>(std::move(socket), this)->Start();
        }
      }
      Accept<Protocol>(acceptor);
    });
  }

 private:
  asio::io_context& io_;
  const ServeOptions& options_;
  size_t connections_ = 0;
  std::map<std::string, ExecInstance> execs_;
  LoadedCluster cache_;  // what reads are answered from, between requests
};

template <class Protocol>
Connection<Protocol>::~Connection() {
  --server_->connections();
}

template <class Protocol>
void Connection<Protocol>::ReadRequest(bool first) {
  if (first) ++server_->connections();
  parser_.emplace();
  parser_->body_limit(server_->options().max_body_bytes);
  parser_->header_limit(64 * 1024);
  stream_.expires_after(first ? server_->options().request_timeout : server_->options().idle_timeout);
  auto self = this->shared_from_this();
  http::async_read(stream_, buffer_, *parser_, [self](error_code ec, size_t) { self->OnRead(ec); });
}

template <class Protocol>
void Connection<Protocol>::OnRead(error_code ec) {
  if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset) {
    return Close();
  }
  if (ec == beast::error::timeout) {
    // Nothing arrived in time: a stalled client does not hold the connection.
    if (buffer_.size() == 0 && !parser_->got_some()) return Close();
    return WriteResponse(EngineError(408, "timed out waiting for the request"), false);
  }
  if (ec == http::error::body_limit) {
    return WriteResponse(EngineError(413, "request body larger than " +
                                              std::to_string(server_->options().max_body_bytes) + " bytes"),
                         false);
  }
  if (ec == http::error::header_limit) return WriteResponse(EngineError(431, "request headers too large"), false);
  if (ec) return WriteResponse(EngineError(400, "malformed HTTP request: " + ec.message()), false);
  request_ = parser_->release();
  Dispatch();
}

template <class Protocol>
void Connection<Protocol>::Dispatch() {
  const std::string method(request_.method_string());
  const std::string target(request_.target());
  stream_.expires_after(server_->options().request_timeout);
  auto parsed = ParseEngineTarget(target);
  if (parsed.ok()) {
    const auto& seg = parsed.value().segments;
    const auto& q = parsed.value().query;
    auto flag = [&](const char* k) {
      auto it = q.find(k);
      return it != q.end() && (it->second == "1" || it->second == "true");
    };
    if (seg.size() == 3 && seg[0] == "exec" && seg[2] == "start" && method == "POST") return ExecStart(seg[1]);
    if (seg.size() == 3 && seg[0] == "exec" && seg[2] == "json" && method == "GET") {
      auto it = server_->execs().find(seg[1]);
      if (it == server_->execs().end()) {
        return WriteResponse(EngineError(404, "No such exec instance: " + seg[1]), request_.keep_alive());
      }
      const ExecInstance& e = it->second;
      nlohmann::json j = {{"ID", seg[1]}, {"Running", false}, {"ExitCode", e.exit_code}, {"ProcessConfig",
                          {{"tty", e.tty}, {"entrypoint", e.cmd[0]},
                           {"arguments", std::vector<std::string>(e.cmd.begin() + 1, e.cmd.end())}}},
                          {"OpenStdin", false}, {"OpenStderr", true}, {"OpenStdout", true}, {"CanRemove", false},
                          {"ContainerID", ""}, {"DetachKeys", ""}, {"Pid", 0}};
      EngineResponse r;
      r.body = j.dump() + "\n";
      return WriteResponse(r, request_.keep_alive());
    }
    // Followed streams: answer what is there, then keep asking.
    bool events = seg.size() == 1 && seg[0] == "events" && method == "GET";
    bool logs = seg.size() == 3 && seg[0] == "services" && seg[2] == "logs" && method == "GET" && flag("follow");
    if (events || logs) {
      EngineResponse first = server_->Call(method, target, "");
      if (first.status >= 400) return WriteResponse(first, request_.keep_alive());
      stream_target_ = target;
      stream_after_ = first.headers[kLastSeqHeader];
      if (auto until = q.find("until"); until != q.end() && !until->second.empty()) {
        double secs = std::strtod(until->second.c_str(), nullptr);
        stream_deadline_ = std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(secs)));
      }
      auto head = std::make_shared<std::string>("HTTP/1.1 200 OK\r\nContent-Type: " + first.content_type +
                                                "\r\nApi-Version: " + kMaxApiVersion +
                                                "\r\nConnection: close\r\n\r\n" + first.body);
      const bool done = first.headers[kStreamDoneHeader] == "true" ||
                        (stream_deadline_ && std::chrono::system_clock::now() >= *stream_deadline_);
      stream_.expires_never();
      auto self = this->shared_from_this();
      asio::async_write(stream_, asio::buffer(*head), [self, head, done](error_code ec, size_t) {
        if (ec || done) return self->Close();
        self->WatchPeer();
        self->PollStream();
      });
      return;
    }
  }
  EngineResponse r = server_->Call(method, target, request_.body());
  if (r.status == 201 && parsed.ok() && parsed.value().segments.size() == 3 &&
      parsed.value().segments[0] == "containers" && parsed.value().segments[2] == "exec") {
    // Remember the command: the exec's start only names its ID.
    auto created = nlohmann::json::parse(r.body, nullptr, false);
    auto body = nlohmann::json::parse(request_.body(), nullptr, false);
    if (created.is_object() && body.is_object() && created.contains("Id")) {
      ExecInstance e;
      e.task_id = created.value("Swarmsim-Task", "");
      for (const auto& a : body["Cmd"]) e.cmd.push_back(a.get<std::string>());
      e.tty = body.value("Tty", false);
      if (server_->execs().size() > 1000) server_->execs().erase(server_->execs().begin());
      server_->execs()[created["Id"].get<std::string>()] = e;
      created.erase("Swarmsim-Task");
      r.body = created.dump() + "\n";
    }
  }
  WriteResponse(r, request_.keep_alive());
}

template <class Protocol>
void Connection<Protocol>::WriteResponse(const EngineResponse& r, bool keep_alive) {
  auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status),
                                                                  request_.version() ? request_.version() : 11);
  res->set(http::field::server, "Docker/28.2.2 (linux)");
  if (!r.content_type.empty()) res->set(http::field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) {
    if (k.rfind("Swarmsim-", 0) != 0) res->set(k, v);
  }
  if (!r.headers.count("Api-Version")) res->set("Api-Version", kMaxApiVersion);
  // HEAD gets the headers only: a stray body would break the client's next request.
  if (request_.method() != http::verb::head) res->body() = r.body;
  res->prepare_payload();
  res->keep_alive(keep_alive);
  auto self = this->shared_from_this();
  http::async_write(stream_, *res, [self, res, keep_alive](error_code ec, size_t) {
    if (ec || !keep_alive) return self->Close();
    self->ReadRequest(false);
  });
}

template <class Protocol>
void Connection<Protocol>::WriteRaw(std::shared_ptr<std::string> bytes, bool then_close) {
  auto self = this->shared_from_this();
  asio::async_write(stream_, asio::buffer(*bytes), [self, bytes, then_close](error_code ec, size_t) {
    if (ec || then_close) self->Close();
  });
}

template <class Protocol>
void Connection<Protocol>::Close() {
  if (closed_) return;
  closed_ = true;
  if (poll_timer_) poll_timer_->cancel();
  error_code ignored;
  stream_.socket().shutdown(asio::socket_base::shutdown_send, ignored);
  stream_.close();
}

// A followed stream ends when the client goes: a read on the connection completes.
template <class Protocol>
void Connection<Protocol>::WatchPeer() {
  auto self = this->shared_from_this();
  stream_.async_read_some(asio::buffer(peer_buf_), [self](error_code ec, size_t) {
    if (ec) return self->Close();
    self->WatchPeer();
  });
}

template <class Protocol>
void Connection<Protocol>::PollStream() {
  if (closed_) return;
  poll_timer_.emplace(server_->io(), server_->options().poll_interval);
  auto self = this->shared_from_this();
  poll_timer_->async_wait([self](error_code ec) {
    if (ec || self->closed_) return;
    std::string sep = self->stream_target_.find('?') == std::string::npos ? "?" : "&";
    EngineResponse r = self->server_->Call("GET", self->stream_target_ + sep + "after-seq=" + self->stream_after_, "");
    if (r.status >= 400) return self->Close();
    self->stream_after_ = r.headers[kLastSeqHeader];
    const bool done = r.headers[kStreamDoneHeader] == "true" ||
                      (self->stream_deadline_ && std::chrono::system_clock::now() >= *self->stream_deadline_);
    if (r.body.empty()) {
      if (done) return self->Close();
      return self->PollStream();
    }
    auto bytes = std::make_shared<std::string>(std::move(r.body));
    asio::async_write(self->stream_, asio::buffer(*bytes), [self, bytes, done](error_code ec2, size_t) {
      if (ec2 || done) return self->Close();
      self->PollStream();
    });
  });
}

// POST /exec/ID/start: the connection is hijacked (101 UPGRADED) and carries the
// command's output, multiplexed unless the exec has a TTY, then closes.
template <class Protocol>
void Connection<Protocol>::ExecStart(const std::string& id) {
  auto it = server_->execs().find(id);
  if (it == server_->execs().end()) return WriteResponse(EngineError(404, "No such exec instance: " + id), false);
  ExecInstance& e = it->second;
  if (e.ran) return WriteResponse(EngineError(409, "exec " + id + " has already run"), false);
  e.ran = true;
  SessionOptions session = server_->options().session;
  session.wall_now = server_->options().wall_clock();
  std::vector<std::string> args{"exec", e.task_id};
  args.insert(args.end(), e.cmd.begin(), e.cmd.end());
  CommandOutput out = RunSessionCommand(session, args);
  e.exit_code = out.exit_code;
  std::string err = out.err;
  const std::string prefix = "Error response from daemon: ";
  if (err.rfind(prefix, 0) == 0) err = err.substr(prefix.size());
  auto frame = [](int stream, const std::string& payload) {
    std::string f(8, '\0');
    f[0] = static_cast<char>(stream);
    uint32_t n = static_cast<uint32_t>(payload.size());
    for (int i = 0; i < 4; ++i) f[4 + i] = static_cast<char>((n >> (24 - 8 * i)) & 0xff);
    return f + payload;
  };
  auto bytes = std::make_shared<std::string>(
      "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker." +
      std::string(e.tty ? "raw-stream" : "multiplexed-stream") + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
      "Api-Version: " + kMaxApiVersion + "\r\n\r\n");
  if (e.tty) {
    *bytes += out.out + err;
  } else {
    if (!out.out.empty()) *bytes += frame(1, out.out);
    if (!err.empty()) *bytes += frame(2, err);
  }
  stream_.expires_never();
  WriteRaw(bytes, true);
}

// The group ID `group` names (a name or a number). Errors: NotFound.
Result<gid_t> LookUpGroup(const std::string& group) {
  if (!group.empty() && group.find_first_not_of("0123456789") == std::string::npos && group.size() < 10) {
    return static_cast<gid_t>(std::strtoul(group.c_str(), nullptr, 10));
  }
  std::vector<char> buf(16384);
  struct group entry;
  struct group* found = nullptr;
  int rc = getgrnam_r(group.c_str(), &entry, buf.data(), buf.size(), &found);
  if (rc != 0 || !found) return Status::NotFound("no such group: " + group);
  return found->gr_gid;
}

// Opens a unix socket listener at `path`: a stale socket file (nothing answers
// on it) is replaced, a live one is someone else's. Created mode 0600 (owner
// only); with a `group`, mode 0660 and owned by that group, as dockerd's -G makes
// its socket.
Status ListenUnix(asio::local::stream_protocol::acceptor* acceptor, const std::string& path,
                  const std::string& group) {
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) return Status::FailedPrecondition(path + " exists and is not a socket");
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    bool live = fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (fd >= 0) close(fd);
    if (live) return Status::FailedPrecondition("another server is already listening on unix://" + path);
    unlink(path.c_str());
  }
  if (path.size() >= sizeof(sockaddr_un::sun_path)) return Status::InvalidArgument("socket path too long: " + path);
  error_code ec;
  asio::local::stream_protocol::endpoint endpoint(path);
  acceptor->open(endpoint.protocol(), ec);
  mode_t old = umask(0177);
  if (!ec) acceptor->bind(endpoint, ec);
  umask(old);
  if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::IOError("cannot listen on unix://" + path + ": " + ec.message());
  if (group.empty()) {
    chmod(path.c_str(), 0600);
    return Status::OK();
  }
  auto gid = LookUpGroup(group);
  Status changed = gid.status();
  if (gid.ok() && chown(path.c_str(), static_cast<uid_t>(-1), gid.value()) != 0) {
    changed = Status::IOError(std::strerror(errno));
  }
  if (changed.ok() && chmod(path.c_str(), 0660) != 0) changed = Status::IOError(std::strerror(errno));
  if (!changed.ok()) {
    acceptor->close();
    unlink(path.c_str());
    return Status::FailedPrecondition("could not change group of unix socket " + path + ": " + changed.message());
  }
  return Status::OK();
}

}  // namespace

int RunEngineServer(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  asio::io_context io;
  Server server(io, options);
  std::vector<std::unique_ptr<asio::local::stream_protocol::acceptor>> unix_acceptors;
  std::vector<std::unique_ptr<asio::ip::tcp::acceptor>> tcp_acceptors;
  std::vector<std::string> sockets, hosts;
  auto cleanup = [&] {
    for (auto& a : unix_acceptors) a->close();
    for (auto& a : tcp_acceptors) a->close();
    for (const auto& p : sockets) unlink(p.c_str());
  };
  // The endpoint's node must exist before anything listens (after swarm init, any
  // node); this first read also loads the cluster the reads are answered from.
  {
    EngineResponse info = server.Call("GET", "/info", "");
    if (info.status >= 400) {
      err << "swarmsim serve: " << nlohmann::json::parse(info.body, nullptr, false).value("message", info.body) << "\n";
      return 1;
    }
  }
  for (const auto& a : options.addresses) {
    if (a.kind == ListenAddress::Kind::kUnix) {
      auto acceptor = std::make_unique<asio::local::stream_protocol::acceptor>(io);
      Status st = ListenUnix(acceptor.get(), a.path, options.group);
      if (!st.ok()) {
        cleanup();
        err << "swarmsim serve: " << st.message() << "\n";
        return 1;
      }
      sockets.push_back(a.path);
      hosts.push_back("unix://" + a.path);
      unix_acceptors.push_back(std::move(acceptor));
    } else {
      error_code ec;
      auto address = asio::ip::make_address(a.host == "localhost" ? "127.0.0.1" : a.host, ec);
      auto acceptor = std::make_unique<asio::ip::tcp::acceptor>(io);
      asio::ip::tcp::endpoint endpoint(address, a.port);
      if (!ec) acceptor->open(endpoint.protocol(), ec);
      if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
      if (!ec) acceptor->bind(endpoint, ec);
      if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
      if (ec) {
        cleanup();
        err << "swarmsim serve: cannot listen on " << a.text << ": " << ec.message() << "\n";
        return 1;
      }
      auto local = acceptor->local_endpoint();
      std::string host = local.address().is_v6() ? "[" + local.address().to_string() + "]" : local.address().to_string();
      hosts.push_back("tcp://" + host + ":" + std::to_string(local.port()));
      tcp_acceptors.push_back(std::move(acceptor));
    }
  }
  for (auto& a : unix_acceptors) server.Accept<asio::local::stream_protocol>(*a);
  for (auto& a : tcp_acceptors) server.Accept<asio::ip::tcp>(*a);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](error_code, int) {
    cleanup();
    io.stop();
  });
  out << "swarmsim serve: the simulated " << (options.node.empty() ? "swarm" : "node " + options.node)
      << " answers the Docker Engine API on " << hosts[0];
  for (size_t i = 1; i < hosts.size(); ++i) out << " and " << hosts[i];
  out << " (Ctrl-C stops it)\nexport DOCKER_HOST=" << hosts[0] << "\n";
  out.flush();
  io.run();
  cleanup();
  return 0;
}

}  // namespace swarmsim
