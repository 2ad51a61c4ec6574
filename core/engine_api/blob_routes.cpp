// /configs and /secrets: one set of handlers, as core/control/configs has one set
// of functions. A secret's Data is never in a response.
#include <algorithm>

#include "core/control/configs.h"
#include "core/engine_api/routes.h"
#include "core/format/base64.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

// Data arrives base64-encoded; absent means "no data" (an update may leave it out).
Result<std::optional<std::string>> DataOf(const nlohmann::json& j) {
  auto it = j.find("Data");
  if (it == j.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Status::InvalidArgument("invalid JSON: Data is not a base64 string");
  std::string data;
  if (!Base64Decode(it->get<std::string>(), &data)) {
    return Status::InvalidArgument("invalid JSON: Data is not valid base64");
  }
  return std::optional<std::string>(std::move(data));
}

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

EngineResponse List(const RouteContext& rc, BlobKind kind) {
  auto filters = Filters(rc, {"id", "label", "name", "names"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  auto get = [&](const char* k) { auto it = f.find(k); return it == f.end() ? std::vector<std::string>{} : it->second; };
  auto names = get("names");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, c] : Blobs(*rc.state(), kind)) {
    if (!MatchAnyPrefix(id, get("id")) || !MatchAnyPrefix(c.name, get("name"))) continue;
    if (!MatchLabels(c.labels, get("label"))) continue;
    if (!names.empty() && std::find(names.begin(), names.end(), c.name) == names.end()) continue;
    list.push_back(ToJson(c, kind));
  }
  return JsonResponse(list);
}

EngineResponse Create(const RouteContext& rc, BlobKind kind) {
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  auto labels = StringMapField(body.value(), "Labels");
  if (!labels.ok()) return EngineError(labels.status());
  auto data = DataOf(body.value());
  if (!data.ok()) return EngineError(data.status());
  std::string driver;
  if (auto it = body.value().find("Driver"); it != body.value().end() && it->is_object()) {
    driver = StringField(*it, "Name");
  }
  auto id = CreateBlob(rc.state(), kind, StringField(body.value(), "Name"), labels.value(),
                       data.value().value_or(""), driver);
  if (!id.ok()) return EngineError(id.status());
  return JsonResponse({{"ID", id.value()}}, 201);
}

EngineResponse Update(const RouteContext& rc, BlobKind kind, Config* blob) {
  auto version = VersionParam(rc);
  if (!version.ok()) return EngineError(version.status());
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  if (version.value() != blob->version) return EngineError(OutOfSequence());
  auto labels = StringMapField(body.value(), "Labels");
  if (!labels.ok()) return EngineError(labels.status());
  auto data = DataOf(body.value());
  if (!data.ok()) return EngineError(data.status());
  Status st = UpdateBlobLabels(rc.state(), kind, blob->id, labels.value(), data.value().value_or(blob->data));
  if (!st.ok()) return EngineError(st);
  return EmptyResponse(200);
}

}  // namespace

EngineResponse HandleBlobs(RouteContext& rc) {
  Status manager = RequireManager(rc);
  if (!manager.ok()) return EngineError(manager);
  const BlobKind kind = rc.seg()[0] == "configs" ? BlobKind::kConfig : BlobKind::kSecret;
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  auto not_allowed = [&] { return EngineError(405, "method " + m + " not allowed on this path"); };
  if (seg.size() == 1) return m == "GET" ? List(rc, kind) : not_allowed();
  if (seg.size() == 2 && seg[1] == "create") return m == "POST" ? Create(rc, kind) : not_allowed();
  if (seg.size() > 3 || (seg.size() == 3 && seg[2] != "update")) return RouteNotFound(rc);
  auto blob = ResolveBlob(rc.state(), kind, seg[1]);
  if (seg.size() == 3) {
    if (m != "POST") return not_allowed();
    if (!blob.ok()) return EngineError(blob.status());
    return Update(rc, kind, blob.value());
  }
  if (m != "GET" && m != "DELETE") return not_allowed();
  if (!blob.ok()) return EngineError(blob.status());
  if (m == "GET") return JsonResponse(ToJson(*blob.value(), kind));
  Status st = RemoveBlob(rc.state(), kind, blob.value()->id);
  if (!st.ok()) return EngineError(st);
  return EmptyResponse(204);
}

}  // namespace swarmsim
