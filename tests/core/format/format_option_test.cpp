#include "core/format/format_option.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

using nlohmann::json;

ListFormat ServiceList() {
  ListFormat f;
  f.table = "table {{.ID}}\\t{{.Name}}\\t{{.Mode}}\\t{{.Replicas}}\\t{{.Image}}\\t{{.Ports}}";
  f.raw = "id: {{.ID}}\\nname: {{.Name}}\\n";
  f.raw_quiet = "id: {{.ID}}";
  f.headers = {{"ID", "ID"},       {"Name", "NAME"},   {"Mode", "MODE"},
               {"Replicas", "REPLICAS"}, {"Image", "IMAGE"}, {"Ports", "PORTS"}};
  f.context_type = "*formatter.serviceContext";
  return f;
}

std::vector<json> Rows() {
  return {
      {{"ID", "24mucy2xlty8"}, {"Name", "todo_todo-db"}, {"Mode", "replicated"}, {"Replicas", "0/1"},
       {"Image", "diamol/postgres:11.5"}, {"Ports", ""}},
      {{"ID", "6m3dk23f4qki"}, {"Name", "todo_todo-web"}, {"Mode", "replicated"}, {"Replicas", "2/2"},
       {"Image", "diamol/ch06-todo-list:latest"}, {"Ports", "*:8080->80/tcp"}},
  };
}

std::string Print(const std::string& format, bool quiet = false, const std::vector<json>& rows = Rows()) {
  auto out = FormatList(format, quiet, rows, ServiceList());
  return out.ok() ? out.value() : "ERROR: " + out.status().message();
}

// docker stack services todo, as the real CLI printed it (docker-engine-api.md §3.7).
TEST(FormatOption, DefaultTableIsDockers) {
  const std::string golden =
      "ID             NAME            MODE         REPLICAS   IMAGE                          PORTS\n"
      "24mucy2xlty8   todo_todo-db    replicated   0/1        diamol/postgres:11.5           \n"
      "6m3dk23f4qki   todo_todo-web   replicated   2/2        diamol/ch06-todo-list:latest   *:8080->80/tcp\n";
  EXPECT_EQ(Print(""), golden);
  EXPECT_EQ(Print("table"), golden);
}

TEST(FormatOption, EmptyTableKeepsItsHeader) {
  EXPECT_EQ(Print("", false, {}), "ID        NAME      MODE      REPLICAS   IMAGE     PORTS\n");
  EXPECT_EQ(Print("{{.Name}}", false, {}), "");
}

TEST(FormatOption, CustomTableRendersTheHeaderFromTheSameTemplate) {
  EXPECT_EQ(Print("table {{.Name}}\\t{{.Replicas}}"),
            "NAME            REPLICAS\ntodo_todo-db    0/1\ntodo_todo-web   2/2\n");
  // Header functions leave the header alone; pad still pads it.
  EXPECT_EQ(Print("table {{.Name | upper}}\\t{{pad .Replicas 1 0}}"),
            "NAME             REPLICAS\nTODO_TODO-DB     0/1\nTODO_TODO-WEB    2/2\n");
  // One column: no tabs, so nothing is aligned.
  EXPECT_EQ(Print("table {{.Name}}"), "NAME\ntodo_todo-db\ntodo_todo-web\n");
  // A real tab works as well as the typed escape.
  EXPECT_EQ(Print("table {{.ID}}\t{{.Mode}}"),
            "ID             MODE\n24mucy2xlty8   replicated\n6m3dk23f4qki   replicated\n");
}

TEST(FormatOption, RawTemplatesPrintOneLinePerRow) {
  EXPECT_EQ(Print("{{.Name}}: {{.Replicas}}"), "todo_todo-db: 0/1\ntodo_todo-web: 2/2\n");
  EXPECT_EQ(Print("  {{.ID}}  "), "24mucy2xlty8\n6m3dk23f4qki\n");  // docker trims the spaces
  EXPECT_EQ(Print("{{.Name}}\\t{{.ID}}"), "todo_todo-db\t24mucy2xlty8\ntodo_todo-web\t6m3dk23f4qki\n");
}

// Bare {{.Field}} templates print string fields directly; anything else goes
// through the template. Both must print the same.
TEST(FormatOption, BareFieldTemplatesPrintAsTheTemplateDoes) {
  std::vector<json> rows = Rows();
  rows[0]["Name"] = "tab\there \"quoted\" <b>&amp; é";
  rows[1]["Replicas"] = 7;  // not a string: this row runs the template
  for (const std::string f : {"table {{.ID}}\\t{{.Name}}\\t{{.Replicas}}", "{{.Name}} = {{.Replicas}} }} {",
                              "id {{.ID}}"}) {
    std::string spaced = f;
    for (size_t p = 0; (p = spaced.find("{{.", p)) != std::string::npos; p += 4) spaced.replace(p, 3, "{{ .");
    EXPECT_EQ(Print(f, false, rows), Print(spaced, false, rows)) << f;
  }
  EXPECT_EQ(Print("{{.Name}}-{{.Mode}}"), "todo_todo-db-replicated\ntodo_todo-web-replicated\n");
  // A row without the field still fails as the template does.
  EXPECT_EQ(Print("{{.Name}}", false, {{{"ID", "x"}}}),
            "ERROR: template parsing error: template: :1:2: executing \"\" at <.Name>: can't evaluate field Name in "
            "type *formatter.serviceContext");
}

TEST(FormatOption, JsonPrintsEachRowsContext) {
  std::string first =
      R"({"ID":"24mucy2xlty8","Image":"diamol/postgres:11.5","Mode":"replicated","Name":"todo_todo-db",)"
      R"("Ports":"","Replicas":"0/1"})";
  std::string out = Print("json");
  EXPECT_EQ(out.substr(0, out.find('\n')), first);
  EXPECT_EQ(Print("{{json .}}"), out);
  EXPECT_EQ(Print("{{json .Name}}"), "\"todo_todo-db\"\n\"todo_todo-web\"\n");
}

TEST(FormatOption, QuietAndRaw) {
  EXPECT_EQ(Print("", true), "24mucy2xlty8\n6m3dk23f4qki\n");
  EXPECT_EQ(Print("table", true), "24mucy2xlty8\n6m3dk23f4qki\n");
  EXPECT_EQ(Print("{{.Name}}", true), "todo_todo-db\ntodo_todo-web\n");  // a custom format wins over -q
  EXPECT_EQ(Print("raw"), "id: 24mucy2xlty8\nname: todo_todo-db\n\nid: 6m3dk23f4qki\nname: todo_todo-web\n\n");
  EXPECT_EQ(Print("raw", true), "id: 24mucy2xlty8\nid: 6m3dk23f4qki\n");
  ListFormat no_raw = ServiceList();
  no_raw.raw.clear();
  EXPECT_EQ(FormatList("raw", false, Rows(), no_raw).value(), "raw\nraw\n");
}

TEST(FormatOption, ErrorsAreTemplateParsingErrors) {
  EXPECT_EQ(Print("{{.Nope}}"),
            "ERROR: template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in "
            "type *formatter.serviceContext");
  EXPECT_EQ(Print("table {{.Name}}\\t{{.Nope}}"),
            "ERROR: template parsing error: template: :1:12: executing \"\" at <.Nope>: can't evaluate field Nope "
            "in type *formatter.serviceContext");
  EXPECT_EQ(Print("{{foo}}"), "ERROR: template parsing error: template: :1: function \"foo\" not defined");
  EXPECT_EQ(Print("{{.Name"), "ERROR: template parsing error: template: :1: unclosed action");
  // With no rows nothing runs, so only parse errors show.
  EXPECT_EQ(Print("{{.Nope}}", false, {}), "");
}

TEST(FormatOption, HeaderThatFailsIsLeftAsFarAsItGot) {
  // json of the header map fails in docker's header functions: the header line is empty.
  std::string out = Print("table {{json .}}");
  EXPECT_EQ(out.substr(0, 1), "\n");
  EXPECT_EQ(out.substr(1, 7), "{\"ID\":\"");
  // A field the header map lacks shows as <no value>.
  ListFormat f = ServiceList();
  f.context_type.clear();
  EXPECT_EQ(FormatList("table {{.Name}}\\t{{.Extra}}", false, {{{"Name", "a"}, {"Extra", "b"}}}, f).value(),
            "NAME      <no value>\na         b\n");
}

TEST(FormatOption, ResolveListFormat) {
  ListFormat f = ServiceList();
  EXPECT_EQ(ResolveListFormat("", false, f), f.table);
  EXPECT_EQ(ResolveListFormat("table", true, f), "{{.ID}}");
  EXPECT_EQ(ResolveListFormat("raw", false, f), f.raw);
  EXPECT_EQ(ResolveListFormat("json", true, f), "json");
  EXPECT_EQ(ResolveListFormat("table {{.ID}}", false, f), "table {{.ID}}");
}

}  // namespace
}  // namespace swarmsim
