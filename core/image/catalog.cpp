#include "core/image/catalog.h"

#include <yaml-cpp/yaml.h>

#include "core/compose/convert.h"
#include "core/format/go_duration.h"
#include "core/format/size.h"
#include "core/image/image_digest.h"
#include "core/node/timing.h"

namespace swarmsim {

extern const char kBuiltinImagesYaml[];  // generated from scenarios/images.yml

namespace {

constexpr const char* kBehaviours[] = {"generic", "todo-web", "postgres"};

struct Reader {
  const std::string& source;

  Status Fail(const YAML::Node& at, const std::string& msg) const {
    return Status::InvalidArgument(source + ": line " + std::to_string(at.Mark().line + 1) + ": " + msg);
  }

  Result<std::string> Scalar(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) return Fail(n, key + ": expected a single value");
    return n.Scalar();
  }

  Result<Duration> GoDuration(const YAML::Node& n, const std::string& key) const {
    auto text = Scalar(n, key);
    if (!text.ok()) return text.status();
    auto d = ParseGoDuration(text.value());
    if (!d.ok()) return Fail(n, key + ": " + d.status().message());
    if (d.value() < 0) return Fail(n, key + ": must not be negative");
    return d.value();
  }

  Result<int64_t> Integer(const YAML::Node& n, const std::string& key) const {
    auto text = Scalar(n, key);
    if (!text.ok()) return text.status();
    try {
      size_t used = 0;
      long long v = std::stoll(text.value(), &used);
      if (used == text.value().size()) return static_cast<int64_t>(v);
    } catch (...) {
    }
    return Fail(n, key + ": not an integer: " + text.value());
  }

  Result<std::vector<std::string>> List(const YAML::Node& n, const std::string& key) const {
    if (!n.IsSequence()) return Fail(n, key + ": expected a list");
    std::vector<std::string> out;
    for (const auto& item : n) {
      auto s = Scalar(item, key);
      if (!s.ok()) return s.status();
      out.push_back(s.value());
    }
    return out;
  }

  Status Health(const YAML::Node& n, HealthConfig* h) const {
    if (!n.IsMap()) return Fail(n, "healthcheck: expected a mapping");
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "test") {
        if (v.IsScalar()) {
          h->test = {"CMD-SHELL", v.Scalar()};
        } else {
          auto l = List(v, "healthcheck.test");
          if (!l.ok()) return l.status();
          h->test = l.value();
        }
      } else if (key == "interval" || key == "timeout" || key == "start_period") {
        auto d = GoDuration(v, "healthcheck." + key);
        if (!d.ok()) return d.status();
        (key == "interval" ? h->interval : key == "timeout" ? h->timeout : h->start_period) = d.value();
      } else if (key == "retries") {
        auto r = Integer(v, "healthcheck.retries");
        if (!r.ok()) return r.status();
        if (r.value() < 0) return Fail(v, "healthcheck.retries: must not be negative");
        h->retries = static_cast<uint64_t>(r.value());
      } else {
        return Fail(kv.first, "healthcheck: unknown key " + key);
      }
    }
    return Status::OK();
  }

  Status Entry(const YAML::Node& n, ImageEntry* e) const {
    if (!n.IsMap()) return Fail(n, e->reference + ": expected a mapping");
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "size") {
        auto text = Scalar(v, key);
        if (!text.ok()) return text.status();
        auto size = ParseHumanSize(text.value());
        if (!size.ok()) return Fail(v, "size: " + size.status().message());
        e->size_bytes = size.value();
      } else if (key == "behaviour" || key == "behavior") {
        auto b = Scalar(v, key);
        if (!b.ok()) return b.status();
        bool known = false;
        for (const char* k : kBehaviours) known = known || b.value() == k;
        if (!known) return Fail(v, key + ": unknown behaviour " + b.value() + " (generic, todo-web or postgres)");
        e->behaviour = b.value();
      } else if (key == "volumes") {
        auto l = List(v, key);
        if (!l.ok()) return l.status();
        for (const auto& path : l.value()) {
          if (path.empty() || path[0] != '/') return Fail(v, "volumes: not an absolute path: " + path);
        }
        e->volumes = l.value();
      } else if (key == "env") {
        if (!v.IsMap()) return Fail(v, "env: expected a mapping");
        for (const auto& ev : v) {
          auto s = Scalar(ev.second, "env." + ev.first.Scalar());
          if (!s.ok()) return s.status();
          e->env[ev.first.Scalar()] = s.value();
        }
      } else if (key == "exit_after") {
        auto d = GoDuration(v, key);
        if (!d.ok()) return d.status();
        e->exit_after = d.value();
      } else if (key == "exit_code") {
        auto c = Integer(v, key);
        if (!c.ok()) return c.status();
        if (c.value() < 0 || c.value() > 255) return Fail(v, "exit_code: must be between 0 and 255");
        e->exit_code = static_cast<int>(c.value());
      } else if (key == "healthcheck") {
        SWARMSIM_RETURN_IF_ERROR(Health(v, &e->healthcheck.emplace()));
      } else if (key == "healthy") {
        auto s = Scalar(v, key);
        if (!s.ok()) return s.status();
        if (s.value() != "true" && s.value() != "false") return Fail(v, "healthy: expected true or false");
        e->healthy = s.value() == "true";
      } else if (key == "description") {
        auto s = Scalar(v, key);
        if (!s.ok()) return s.status();
        e->description = s.value();
      } else {
        return Fail(kv.first, e->reference + ": unknown key " + key);
      }
    }
    return Status::OK();
  }
};

}  // namespace

Result<ImageCatalog> ParseImageCatalog(const std::string& text, const std::string& source) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(source + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  Reader r{source};
  if (!root.IsMap() || !root["images"]) return Status::InvalidArgument(source + ": expected a top-level key images");
  const YAML::Node images = root["images"];
  if (!images.IsMap()) return r.Fail(images, "images: expected a mapping from image reference to its entry");
  ImageCatalog out;
  try {
    for (const auto& kv : images) {
      auto ref = NormalizeImageReference(kv.first.Scalar());
      if (!ref.ok()) return r.Fail(kv.first, ref.status().message());
      ImageEntry e;
      e.reference = ref.value();
      e.size_bytes = kDefaultImageBytes;
      SWARMSIM_RETURN_IF_ERROR(r.Entry(kv.second, &e));
      if (e.exit_code != 0 && !e.exit_after) return r.Fail(kv.second, e.reference + ": exit_code needs exit_after");
      out[e.reference] = std::move(e);
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(source + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return out;
}

const char* BuiltinImagesText() { return kBuiltinImagesYaml; }

const ImageCatalog& BuiltinImages() {
  static const ImageCatalog* catalog = [] {
    auto parsed = ParseImageCatalog(kBuiltinImagesYaml, "scenarios/images.yml");
    // The file is compiled in and parsed by a unit test: failing here is a build defect.
    return new ImageCatalog(parsed.ok() ? parsed.value() : ImageCatalog{});
  }();
  return *catalog;
}

ImageEntry LookupImage(const ImageCatalog& overrides, const std::string& pinned) {
  const std::string reference = WithoutDigest(pinned);
  if (auto it = overrides.find(reference); it != overrides.end()) return it->second;
  const ImageCatalog& builtin = BuiltinImages();
  if (auto it = builtin.find(reference); it != builtin.end()) return it->second;
  ImageEntry e;
  e.reference = reference;
  e.size_bytes = kDefaultImageBytes;
  return e;
}

const ImageEntry* FindImage(const ImageCatalog& overrides, const std::string& pinned) {
  const std::string reference = WithoutDigest(pinned);
  if (auto it = overrides.find(reference); it != overrides.end()) return &it->second;
  const ImageCatalog& builtin = BuiltinImages();
  if (auto it = builtin.find(reference); it != builtin.end()) return &it->second;
  return nullptr;
}

Duration PullDuration(int64_t size_bytes) { return size_bytes * kSecond / kPullBytesPerSecond; }

}  // namespace swarmsim
