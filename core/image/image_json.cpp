#include "core/image/image_json.h"

namespace swarmsim {

using nlohmann::json;

namespace {

json HealthJson(const HealthConfig& h) {
  return {{"Test", h.test}, {"Interval", h.interval}, {"Timeout", h.timeout}, {"StartPeriod", h.start_period},
          {"Retries", h.retries}};
}

}  // namespace

json ImageEntryJson(const ImageEntry& e) {
  json j = {{"Reference", e.reference}, {"Size", e.size_bytes}, {"Behaviour", e.behaviour},
            {"Volumes", e.volumes},     {"Env", e.env},         {"ExitCode", e.exit_code},
            {"Description", e.description}};
  if (e.exit_after) j["ExitAfter"] = *e.exit_after;
  if (e.healthcheck) j["Healthcheck"] = HealthJson(*e.healthcheck);
  if (e.healthy) j["Healthy"] = *e.healthy;
  return j;
}

Status ImageEntryFromJson(const json& j, ImageEntry* out) {
  try {
    if (!j.is_object()) return Status::InvalidArgument("image entry is not an object");
    out->reference = j.at("Reference").get<std::string>();
    out->size_bytes = j.at("Size").get<int64_t>();
    out->behaviour = j.at("Behaviour").get<std::string>();
    out->volumes = j.at("Volumes").get<std::vector<std::string>>();
    out->env = j.at("Env").get<std::map<std::string, std::string>>();
    out->exit_code = j.at("ExitCode").get<int>();
    out->description = j.value("Description", std::string());
    if (j.contains("ExitAfter")) out->exit_after = j["ExitAfter"].get<Duration>();
    if (j.contains("Healthy")) out->healthy = j["Healthy"].get<bool>();
    if (j.contains("Healthcheck")) {
      const json& h = j["Healthcheck"];
      HealthConfig hc;
      hc.test = h.at("Test").get<std::vector<std::string>>();
      hc.interval = h.at("Interval").get<Duration>();
      hc.timeout = h.at("Timeout").get<Duration>();
      hc.start_period = h.at("StartPeriod").get<Duration>();
      hc.retries = h.at("Retries").get<uint64_t>();
      out->healthcheck = hc;
    }
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("image entry: ") + e.what());
  }
  return Status::OK();
}

}  // namespace swarmsim
