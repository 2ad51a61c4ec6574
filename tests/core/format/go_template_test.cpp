#include "core/format/go_template.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

using nlohmann::json;

std::string Render(const std::string& tmpl, const json& data) {
  auto t = GoTemplate::Parse(tmpl);
  if (!t.ok()) return "PARSE: " + t.status().message();
  auto out = t->Execute(data);
  return out.ok() ? out.value() : "EXEC: " + out.status().message();
}

TEST(GoTemplate, FieldsAndNesting) {
  json d = {{"Name", "web"}, {"Spec", {{"Labels", {{"a", "1"}}}, {"Replicas", 3}}}};
  EXPECT_EQ(Render("{{.Name}}", d), "web");
  EXPECT_EQ(Render("name={{.Name}} n={{.Spec.Replicas}}", d), "name=web n=3");
  EXPECT_EQ(Render("{{index .Spec.Labels \"a\"}}", d), "1");
  EXPECT_EQ(Render("{{.Spec.Labels}}", d), "map[a:1]");
}

TEST(GoTemplate, JsonIsCompactWithSortedKeys) {
  json d = {{"Name", "web"}, {"ID", "abc"}};
  EXPECT_EQ(Render("{{json .}}", d), "{\"ID\":\"abc\",\"Name\":\"web\"}");
  EXPECT_EQ(Render("{{json .Name}}", d), "\"web\"");
}

TEST(GoTemplate, Conditionals) {
  json d = {{"Self", true}, {"Other", false}};
  EXPECT_EQ(Render("{{if .Self}}*{{else}} {{end}}", d), "*");
  EXPECT_EQ(Render("{{if .Other}}*{{else}}-{{end}}", d), "-");
  EXPECT_EQ(Render("{{if .Other}}a{{else if .Self}}b{{else}}c{{end}}", d), "b");
  EXPECT_EQ(Render("{{if eq .Self true}}yes{{end}}", d), "yes");
}

TEST(GoTemplate, RangeAndTrim) {
  json d = {{"Items", {"a", "b"}}, {"Labels", {{"x", "1"}, {"y", "2"}}}};
  EXPECT_EQ(Render("{{range .Items}}[{{.}}]{{end}}", d), "[a][b]");
  EXPECT_EQ(Render("{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}", d), "x=1;y=2;");
  EXPECT_EQ(Render("a  {{- \"b\" -}}  c", d), "abc");
}

TEST(GoTemplate, PipelinesAndFunctions) {
  json d = {{"Name", "Web"}, {"Names", {"a", "b"}}};
  EXPECT_EQ(Render("{{.Name | lower}}", d), "web");
  EXPECT_EQ(Render("{{upper .Name}}", d), "WEB");
  EXPECT_EQ(Render("{{join .Names \", \"}}", d), "a, b");
  EXPECT_EQ(Render("{{len .Names}}", d), "2");
  EXPECT_EQ(Render("{{printf \"%s-%s\" .Name .Name}}", d), "Web-Web");
}

TEST(GoTemplate, ErrorsInGosWords) {
  EXPECT_EQ(Render("{{foo .Name}}", json::object()), "PARSE: template: :1: function \"foo\" not defined");
  EXPECT_EQ(Render("{{if .X}}", json::object()), "PARSE: template: :1: unexpected EOF");
  EXPECT_EQ(Render("{{end}}", json::object()), "PARSE: template: :1: unexpected {{end}}");
  EXPECT_EQ(Render("{{.Nope}}", json{{"Name", "x"}}),
            "EXEC: template: :1:3: executing \"\" at <.Nope>: can't evaluate field Nope");
}

}  // namespace
}  // namespace swarmsim
