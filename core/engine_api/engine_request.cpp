#include "core/engine_api/engine_request.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/format/hex.h"

namespace swarmsim {

namespace {

Result<std::string> PercentDecode(const std::string& text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int hi = i + 2 < text.size() ? HexDigitValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexDigitValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) return Status::InvalidArgument("invalid URL escape \"" + text.substr(i, 3) + "\"");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const char* Reason(int status) {
  switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Request Entity Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

const std::string kDaemonPrefix = "Error response from daemon: ";

}  // namespace

Result<EngineTarget> ParseEngineTarget(const std::string& target) {
  EngineTarget t;
  size_t q = target.find('?');
  std::string path = target.substr(0, q);
  if (path.empty() || path[0] != '/') return Status::InvalidArgument("invalid request target \"" + target + "\"");
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string raw = path.substr(pos, slash - pos);
    if (!raw.empty()) {
      auto seg = PercentDecode(raw, false);
      if (!seg.ok()) return seg.status();
      t.segments.push_back(seg.value());
    }
    pos = slash + 1;
  }
  if (!t.segments.empty() && t.segments[0].size() > 1 && t.segments[0][0] == 'v' &&
      t.segments[0].find_first_not_of("0123456789.", 1) == std::string::npos) {
    t.version = t.segments[0].substr(1);
    t.segments.erase(t.segments.begin());
  }
  if (q != std::string::npos) {
    std::string query = target.substr(q + 1);
    size_t p = 0;
    while (p <= query.size()) {
      size_t amp = query.find('&', p);
      if (amp == std::string::npos) amp = query.size();
      std::string pair = query.substr(p, amp - p);
      if (!pair.empty()) {
        size_t eq = pair.find('=');
        auto key = PercentDecode(pair.substr(0, eq), true);
        if (!key.ok()) return key.status();
        auto value = PercentDecode(eq == std::string::npos ? "" : pair.substr(eq + 1), true);
        if (!value.ok()) return value.status();
        t.query[key.value()] = value.value();
      }
      p = amp + 1;
    }
  }
  return t;
}

int CompareApiVersions(const std::string& a, const std::string& b) {
  auto part = [](const std::string& v, int i) {
    size_t dot = v.find('.');
    std::string s = i == 0 ? v.substr(0, dot) : (dot == std::string::npos ? "0" : v.substr(dot + 1));
    return std::atol(s.c_str());
  };
  for (int i = 0; i < 2; ++i) {
    long x = part(a, i), y = part(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

Result<EngineFilters> ParseEngineFilters(const std::string& text) {
  EngineFilters filters;
  if (text.empty()) return filters;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidArgument("invalid filter: the filters parameter is not a JSON object");
  }
  for (const auto& [key, values] : j.items()) {
    auto& list = filters[key];
    if (values.is_object()) {
      for (const auto& [v, on] : values.items()) {
        if (!on.is_boolean()) return Status::InvalidArgument("invalid filter '" + key + "'");
        if (on.get<bool>()) list.push_back(v);
      }
    } else if (values.is_array()) {
      for (const auto& v : values) {
        if (!v.is_string()) return Status::InvalidArgument("invalid filter '" + key + "'");
        list.push_back(v.get<std::string>());
      }
    } else {
      return Status::InvalidArgument("invalid filter '" + key + "'");
    }
  }
  return filters;
}

EngineResponse EngineError(int http_status, const std::string& message) {
  EngineResponse r;
  r.status = http_status;
  // A message may quote the request's own bytes: invalid UTF-8 is replaced, never thrown.
  r.body = nlohmann::json{{"message", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return r;
}

EngineResponse EngineError(const Status& status) {
  std::string message = status.message();
  if (message.rfind(kDaemonPrefix, 0) == 0) message = message.substr(kDaemonPrefix.size());
  int code = 500;
  switch (status.code()) {
    case Status::Code::kInvalidArgument: code = 400; break;
    case Status::Code::kNotFound: code = 404; break;
    case Status::Code::kAlreadyExists: code = 409; break;
    case Status::Code::kFailedPrecondition:
      code = message.find("is not a swarm manager") != std::string::npos        ? 503
             : message.find("is a pre-defined network") != std::string::npos ? 403
                                                                              : 400;
      break;
    default: code = 500; break;
  }
  return EngineError(code, message);
}

std::string FormatEngineResponse(const EngineResponse& r) {
  std::string text = "HTTP/1.1 " + std::to_string(r.status) + " " + Reason(r.status) + "\r\n";
  if (!r.content_type.empty()) text += "Content-Type: " + r.content_type + "\r\n";
  for (const auto& [k, v] : r.headers) text += k + ": " + v + "\r\n";
  text += "Content-Length: " + std::to_string(r.body.size()) + "\r\n\r\n";
  text += r.body;
  return text;
}

Result<EngineResponse> ParseEngineResponse(const std::string& text) {
  EngineResponse r;
  r.content_type.clear();
  size_t head_end = text.find("\r\n\r\n");
  if (text.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos || text.size() < 12) {
    return Status::Corruption("malformed engine response");
  }
  r.status = std::atoi(text.substr(9, 3).c_str());
  size_t pos = text.find("\r\n") + 2;
  while (pos < head_end) {
    size_t eol = text.find("\r\n", pos);
    std::string line = text.substr(pos, eol - pos);
    size_t colon = line.find(": ");
    if (colon == std::string::npos) return Status::Corruption("malformed engine response header");
    std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "Content-Type") {
      r.content_type = value;
    } else if (key != "Content-Length") {
      r.headers[key] = value;
    }
    pos = eol + 2;
  }
  r.body = text.substr(head_end + 4);
  return r;
}

}  // namespace swarmsim
