#include "core/image/catalog.h"

#include <gtest/gtest.h>

#include "core/image/image_json.h"

namespace swarmsim {
namespace {

TEST(CatalogTest, TheBuiltInFileParses) {
  auto parsed = ParseImageCatalog(BuiltinImagesText(), "scenarios/images.yml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value(), BuiltinImages());
  const ImageEntry& todo = BuiltinImages().at("diamol/ch06-todo-list:latest");
  EXPECT_EQ(todo.behaviour, "todo-web");
  EXPECT_EQ(todo.volumes, std::vector<std::string>{"/data"});
}

TEST(CatalogTest, TheIssueShapeLoads) {
  auto parsed = ParseImageCatalog(
      R"(images: {"example/counter:5-broken": {size: 40MB, exit_after: 3s, exit_code: 1}})", "f.yml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const ImageEntry& e = parsed->at("example/counter:5-broken");
  EXPECT_EQ(e.size_bytes, 40'000'000);
  EXPECT_EQ(*e.exit_after, 3 * kSecond);
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_EQ(e.behaviour, "generic");
}

TEST(CatalogTest, ErrorsNameTheFileAndLine) {
  auto bad = ParseImageCatalog("images:\n  nginx:\n    exit_code: x\n    exit_after: 1s\n", "f.yml");
  EXPECT_EQ(bad.status().message(), "f.yml: line 3: exit_code: not an integer: x");
  EXPECT_EQ(ParseImageCatalog("images:\n  a:\n    behaviour: web\n", "f.yml").status().message(),
            "f.yml: line 3: behaviour: unknown behaviour web (generic, todo-web or postgres)");
  EXPECT_EQ(ParseImageCatalog("nothing: here\n", "f.yml").status().message(), "f.yml: expected a top-level key images");
  EXPECT_FALSE(ParseImageCatalog("images: [\n", "f.yml").ok());
  EXPECT_EQ(ParseImageCatalog("images:\n  a:\n    exit_code: 2\n", "f.yml").status().message(),
            "f.yml: line 3: a:latest: exit_code needs exit_after");
}

TEST(CatalogTest, OverridesComeFirstAndUnknownImagesAreGeneric) {
  ImageCatalog overrides;
  overrides["nginx:latest"].reference = "nginx:latest";
  overrides["nginx:latest"].size_bytes = 1;
  EXPECT_EQ(LookupImage(overrides, "nginx:latest").size_bytes, 1);
  EXPECT_EQ(LookupImage({}, "nginx:latest").size_bytes, 70'000'000);
  ImageEntry unknown = LookupImage({}, "me/thing:1");
  EXPECT_EQ(unknown.behaviour, "generic");
  EXPECT_GT(unknown.size_bytes, 0);
}

TEST(ImageJsonTest, RoundTrips) {
  ImageEntry e = BuiltinImages().at("diamol/postgres:11.5");
  e.exit_after = 5 * kSecond;
  e.exit_code = 3;
  e.healthy = false;
  e.healthcheck = HealthConfig{{"CMD", "true"}, kSecond, 2 * kSecond, 0, 3};
  ImageEntry back;
  ASSERT_TRUE(ImageEntryFromJson(ImageEntryJson(e), &back).ok());
  EXPECT_EQ(back, e);
  EXPECT_FALSE(ImageEntryFromJson(nlohmann::json::array(), &back).ok());
}

}  // namespace
}  // namespace swarmsim
