#include "core/format/go_template.h"

#include <gtest/gtest.h>

// Expected outputs and error texts below were checked against Go's text/template
// with the same data and docker's template functions.

namespace swarmsim {
namespace {

using nlohmann::json;

std::string Render(const std::string& tmpl, const json& data, const TemplateOptions& options = {}) {
  auto t = GoTemplate::Parse(tmpl);
  if (!t.ok()) return "PARSE: " + t.status().message();
  auto out = t->Execute(data, options);
  return out.ok() ? out.value() : "EXEC: " + out.status().message();
}

json Data() {
  return json::parse(R"({"Name":"Web","Count":3,"Zero":0,"Neg":-7,"Names":["a","b"],"Nums":[1,2.5,"x"],
    "Labels":{"x":"1","y":"2"},"Multi":"a b,c d","Uni":"노드",
    "Spec":{"Replicas":3,"Ratio":1.5,"Million":1000000.0,"Small":0.00001,"Nil":null,"Empty":"","T":true,
            "List":[],"Obj":{},"Mode":{"Replicated":{"Replicas":2}}}})");
}

TEST(GoTemplate, FieldsPrintAsGoPrintsThem) {
  json d = Data();
  EXPECT_EQ(Render("{{.Name}}", d), "Web");
  EXPECT_EQ(Render("name={{.Name}} n={{.Spec.Replicas}}", d), "name=Web n=3");
  EXPECT_EQ(Render("{{.Spec.Mode.Replicated.Replicas}}", d), "2");
  EXPECT_EQ(Render("{{.Labels}}", d), "map[x:1 y:2]");
  EXPECT_EQ(Render("{{.Names}} {{.Nums}}", d), "[a b] [1 2.5 x]");
  EXPECT_EQ(Render("{{.Spec.Ratio}} {{.Spec.Million}} {{.Spec.Small}}", d), "1.5 1e+06 1e-05");
  EXPECT_EQ(Render("{{.Spec.T}} {{.Spec.Empty}}|", d), "true |");
  EXPECT_EQ(Render("{{.Spec.Mode}}", d), "map[Replicated:map[Replicas:2]]");
}

TEST(GoTemplate, MissingAndNilValues) {
  json d = Data();
  EXPECT_EQ(Render("{{.Nope}}", d), "<no value>");
  EXPECT_EQ(Render("{{.Nope.Deeper}}", d), "<no value>");
  EXPECT_EQ(Render("{{.Spec.Nil}}", d), "<no value>");
  EXPECT_EQ(Render("{{print .Nope}} {{printf \"%v\" .Spec.Nil}}", d), "<nil> <nil>");
  EXPECT_EQ(Render("{{.Labels.zz}}", d), "<no value>");
  EXPECT_EQ(Render("{{index .Labels \"zz\"}}|", d), "|");  // a map of strings gives ""
  EXPECT_EQ(Render("{{index .Spec \"zz\"}}", d), "<no value>");
  EXPECT_EQ(Render("{{.Spec.Nil.X}}", d),
            "EXEC: template: :1:7: executing \"\" at <.Spec.Nil.X>: nil pointer evaluating interface {}.X");
  EXPECT_EQ(Render("{{.Name.X}}", d),
            "EXEC: template: :1:7: executing \"\" at <.Name.X>: can't evaluate field X in type interface {}");
}

TEST(GoTemplate, MissingKeyErrorOption) {
  TemplateOptions strict;
  strict.missing_key_error = true;
  json d = Data();
  EXPECT_EQ(Render("{{.Nope}}", d, strict),
            "EXEC: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"");
  EXPECT_EQ(Render("{{.Labels.zz}}", d, strict),
            "EXEC: template: :1:9: executing \"\" at <.Labels.zz>: map has no entry for key \"zz\"");
  EXPECT_EQ(Render("{{.Name}}", d, strict), "Web");
}

TEST(GoTemplate, StructContextsRejectUnknownFields) {
  TemplateOptions row;
  row.struct_type = "*formatter.serviceContext";
  json r = {{"ID", "abc"}, {"Name", "web"}, {"Labels", {{"a", "1"}}}};
  EXPECT_EQ(Render("{{.ID}} {{.Name}} {{.Labels.a}} {{.Labels.b}}", r, row), "abc web 1 <no value>");
  EXPECT_EQ(Render("{{.Nope}}", r, row),
            "EXEC: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type "
            "*formatter.serviceContext");
  EXPECT_EQ(Render("{{json .}}", r, row), R"({"ID":"abc","Labels":{"a":"1"},"Name":"web"})");
}

TEST(GoTemplate, JsonIsGoEncodingJson) {
  json d = {{"Name", "web"}, {"ID", "abc"}, {"N", 3}, {"F", 1.5}, {"M", 1e6}, {"S", 1e-7}, {"Nil", nullptr}};
  EXPECT_EQ(Render("{{json .}}", d), R"({"F":1.5,"ID":"abc","M":1000000,"N":3,"Name":"web","Nil":null,"S":1e-7})");
  EXPECT_EQ(Render("{{json .Name}}", d), "\"web\"");
  EXPECT_EQ(Render("{{json .Nope}}", d), "null");
  EXPECT_EQ(Render("{{json \"a\\nb\\u0001\\u2028<>&\"}}", d), R"("a\nb\u0001\u2028<>&")");
  EXPECT_EQ(GoJson(json::parse(R"({"b":[1,"x",true],"a":{}})")), R"({"a":{},"b":[1,"x",true]})");
}

TEST(GoTemplate, ConditionalsAndWith) {
  json d = Data();
  EXPECT_EQ(Render("{{if .Spec.T}}y{{else}}n{{end}}", d), "y");
  EXPECT_EQ(Render("{{if .Spec.List}}y{{else}}n{{end}}{{if .Spec.Obj}}y{{else}}n{{end}}", d), "nn");
  EXPECT_EQ(Render("{{if .Zero}}a{{else if .Neg}}b{{else}}c{{end}}", d), "b");
  EXPECT_EQ(Render("{{with .Spec}}{{.Replicas}} {{$.Name}}{{end}}", d), "3 Web");
  EXPECT_EQ(Render("{{with .Nope}}x{{else}}none{{end}}", d), "none");
  EXPECT_EQ(Render("{{if and .Name (eq .Count 3)}}y{{end}}", d), "y");
  EXPECT_EQ(Render("{{if not (len .Names)}}empty{{else}}{{len .Names}}{{end}}", d), "2");
  EXPECT_EQ(Render("{{and .Name .Zero .Count}} {{or .Zero .Name}} {{.Zero | or 0}}", d), "0 Web 0");
}

TEST(GoTemplate, RangeLoops) {
  json d = Data();
  EXPECT_EQ(Render("{{range .Names}}[{{.}}]{{end}}", d), "[a][b]");
  EXPECT_EQ(Render("{{range $i, $e := .Names}}{{$i}}={{$e}};{{end}}", d), "0=a;1=b;");
  EXPECT_EQ(Render("{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}", d), "x=1;y=2;");
  EXPECT_EQ(Render("{{range $i, $n := .Names}}{{if $i}}, {{end}}{{$n}}{{end}}", d), "a, b");
  EXPECT_EQ(Render("{{range .Spec.List}}x{{else}}empty{{end}} {{range .Nope}}x{{else}}nil{{end}}", d), "empty nil");
  EXPECT_EQ(Render("{{range .Names}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", d), "a");
  EXPECT_EQ(Render("{{range .Names}}{{if eq . \"a\"}}{{continue}}{{end}}{{.}}{{end}}", d), "b");
  EXPECT_EQ(Render("{{range .Count}}{{.}}{{end}}", d), "012");
  EXPECT_EQ(Render("{{range .Names}}{{range $.Names}}{{.}}{{end}}|{{end}}", d), "ab|ab|");
  EXPECT_EQ(Render("{{range .Name}}x{{end}}", d),
            "EXEC: template: :1:8: executing \"\" at <.Name>: range can't iterate over Web");
}

TEST(GoTemplate, VariablesAndTrimming) {
  json d = Data();
  EXPECT_EQ(Render("{{$x := .Name}}{{$x}}", d), "Web");
  EXPECT_EQ(Render("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", d), "2");
  EXPECT_EQ(Render("{{$x := index .Names 1}}{{$x}}", d), "b");
  EXPECT_EQ(Render("a  {{- .Name -}}  b", d), "aWebb");
  EXPECT_EQ(Render("a  {{- /* c */ -}}  b", d), "ab");
  EXPECT_EQ(Render("{{ if eq .Name \"Web\" -}}\n  yes\n{{- end }}", d), "yes");
  EXPECT_EQ(Render("{{-3}} {{ .Name }}", d), "-3 Web");
}

TEST(GoTemplate, DockerFunctions) {
  json d = Data();
  EXPECT_EQ(Render("{{.Name | lower}} {{upper .Name}} {{title \"hello wo_rld foo-bar it's\"}}", d),
            "web WEB Hello Wo_rld Foo-Bar It'S");
  EXPECT_EQ(Render("{{join .Names \", \"}}", d), "a, b");
  EXPECT_EQ(Render("{{split .Multi \" \"}} {{len (split .Multi \" \")}}", d), "[a b,c d] 3");
  EXPECT_EQ(Render("{{join (split .Multi \" \") \"+\"}}", d), "a+b,c+d");
  EXPECT_EQ(Render("{{pad .Name 2 3}}|{{pad .Spec.Empty 2 3}}|", d), "  Web   ||");
  EXPECT_EQ(Render("{{truncate .Name 2}} {{truncate .Name 10}}", d), "We Web");
  EXPECT_EQ(Render("{{join .Nums \",\"}}", d),
            "EXEC: template: :1:7: executing \"\" at <.Nums>: wrong type for value; expected []string; got "
            "[]interface {}");
  EXPECT_EQ(Render("{{lower .Count}}", d),
            "EXEC: template: :1:8: executing \"\" at <.Count>: wrong type for value; expected string; got int");
  EXPECT_EQ(Render("{{pad .Name 1.5 2}}", d),
            "EXEC: template: :1:12: executing \"\" at <1.5>: expected integer; found 1.5");
}

TEST(GoTemplate, GoBuiltins) {
  json d = Data();
  EXPECT_EQ(Render("{{len .Names}} {{len .Name}} {{len .Labels}} {{len \"노드\"}}", d), "2 3 2 6");
  EXPECT_EQ(Render("{{index .Names 1}} {{index .Spec \"Mode\" \"Replicated\" \"Replicas\"}}", d), "b 2");
  EXPECT_EQ(Render("{{slice \"hello\" 1 3}} {{slice .Names 1}}", d), "el [b]");
  EXPECT_EQ(Render("{{print .Name .Count .Count \"x\" 1 2}}", d), "Web3 3x1 2");
  EXPECT_EQ(Render("{{println .Name .Count}}", d), "Web 3\n");
  EXPECT_EQ(Render("{{html \"<b>&\"}} {{urlquery \"a b&c\"}} {{js \"it's\"}}", d), "&lt;b&gt;&amp; a+b%26c it\\'s");
  EXPECT_EQ(Render("{{eq .Count 1 2 3}} {{ne .Count 3}} {{lt .Name \"Z\"}} {{le 2 2}} {{gt \"b\" \"a\"}}", d),
            "true false true true true");
  EXPECT_EQ(Render("{{eq .Name 3}}", d),
            "EXEC: template: :1:2: executing \"\" at <eq .Name 3>: error calling eq: incompatible types for "
            "comparison");
  EXPECT_EQ(Render("{{index .Names 5}}", d),
            "EXEC: template: :1:2: executing \"\" at <index .Names 5>: error calling index: index out of range: 5");
  EXPECT_EQ(Render("{{len .Count}}", d),
            "EXEC: template: :1:2: executing \"\" at <len .Count>: error calling len: len of type int");
  EXPECT_EQ(Render("{{not 1 2}}", d), "EXEC: template: :1:2: executing \"\" at <not>: wrong number of args for "
                                      "not: want 1 got 2");
}

TEST(GoTemplate, Printf) {
  json d = Data();
  EXPECT_EQ(Render("{{printf \"%s-%d-%v-%q-%t\" .Name .Count .Names .Name .Spec.T}}", d), "Web-3-[a b]-\"Web\"-true");
  EXPECT_EQ(Render("{{printf \"%5s|%-5s|%05d|%x|%X|%.2f|%e|%g\" .Name .Name .Neg 255 .Name .Spec.Ratio .Spec.Ratio "
                   ".Spec.Ratio}}",
                   d),
            "  Web|Web  |-0007|ff|576562|1.50|1.500000e+00|1.5");
  EXPECT_EQ(Render("{{printf \"%d\" .Name}} {{printf \"%s %s\" .Name}} {{printf \"%s\" .Name .Count}}", d),
            "%!d(string=Web) Web %!s(MISSING) Web%!(EXTRA int=3)");
  EXPECT_EQ(Render("{{printf \"%.1s|%c|%q|%v\" .Uni 65 65 .Spec.Nil}}", d), "노|A|'A'|<nil>");
  EXPECT_EQ(Render("{{.Count | printf \"%03d\"}}", d), "003");
}

TEST(GoTemplate, HeaderFunctionsReturnTheHeader) {
  TemplateOptions header;
  header.header_functions = true;
  json h = {{"ID", "ID"}, {"Name", "NAME"}};
  EXPECT_EQ(Render("{{.ID}}\t{{.Name | lower}}\t{{upper .Name}}\t{{truncate .ID 1}}\t{{pad .Name 1 1}}", h, header),
            "ID\tNAME\tNAME\tID\t NAME ");
  EXPECT_EQ(Render("{{.Nope}}", h, header), "<no value>");
  EXPECT_EQ(Render("a{{json .}}b", h, header),
            "EXEC: template: :1:8: executing \"\" at <.>: wrong type for value; expected string; got "
            "map[string]string");
}

TEST(GoTemplate, ExecuteToKeepsWhatWasWritten) {
  auto t = GoTemplate::Parse("line1\n{{.Nope | lower}}");
  ASSERT_TRUE(t.ok());
  std::string out;
  Status st = t->ExecuteTo(json::object(), {}, &out);
  EXPECT_EQ(st.message(), "template: :2:10: executing \"\" at <lower>: invalid value; expected string");
  EXPECT_EQ(out, "line1\n");
}

TEST(GoTemplate, ParseErrorsInGosWords) {
  json o = json::object();
  EXPECT_EQ(Render("{{foo .Name}}", o), "PARSE: template: :1: function \"foo\" not defined");
  EXPECT_EQ(Render("{{if .X}}", o), "PARSE: template: :1: unexpected EOF");
  EXPECT_EQ(Render("{{end}}", o), "PARSE: template: :1: unexpected {{end}}");
  EXPECT_EQ(Render("{{else}}", o), "PARSE: template: :1: unexpected {{else}}");
  EXPECT_EQ(Render("{{.Name}", o), "PARSE: template: :1: bad character U+007D '}'");
  EXPECT_EQ(Render("{{.Name #}}", o), "PARSE: template: :1: unexpected \"#\" in operand");
  EXPECT_EQ(Render("{{(.Name}}", o), "PARSE: template: :1: unclosed left paren");
  EXPECT_EQ(Render("{{.Name", o), "PARSE: template: :1: unclosed action");
  EXPECT_EQ(Render("{{\"abc}}", o), "PARSE: template: :1: unterminated quoted string");
  EXPECT_EQ(Render("{{}}", o), "PARSE: template: :1: missing value for command");
  EXPECT_EQ(Render("{{if}}{{end}}", o), "PARSE: template: :1: missing value for if");
  EXPECT_EQ(Render("{{$x}}", o), "PARSE: template: :1: undefined variable \"$x\"");
  EXPECT_EQ(Render("{{break}}", o), "PARSE: template: :1: {{break}} outside {{range}}");
  EXPECT_EQ(Render("{{.Name)}}", o), "PARSE: template: :1: unexpected \")\" in command");
  EXPECT_EQ(Render("{{3.Name}}", o), "PARSE: template: :1: bad number syntax: \"3.N\"");
  EXPECT_EQ(Render("{{.Name | \"x\"}}", o), "PARSE: template: :1: non executable command in pipeline stage 2");
  EXPECT_EQ(Render("a\nb\n{{nope}}", o), "PARSE: template: :3: function \"nope\" not defined");
  EXPECT_EQ(Render("{{ - }}", o), "PARSE: template: :1: illegal number syntax: \"-\"");
  EXPECT_EQ(Render("{{'ab'}}", o), "PARSE: template: :1: malformed character constant: 'ab'");
  EXPECT_EQ(Render("{{.Name.}}", o), "PARSE: template: :1: unexpected <.> in operand");
  EXPECT_EQ(Render("{{/* unclosed", o), "PARSE: template: :1: unclosed comment");
  EXPECT_EQ(Render("{{/* x */ .Name}}", o), "PARSE: template: :1: comment ends before closing delimiter");
}

TEST(GoTemplate, ExecErrorPositionsCountBytesFromZero) {
  json d = Data();
  EXPECT_EQ(Render("\n\n  {{.Name.X}}", d),
            "EXEC: template: :3:9: executing \"\" at <.Name.X>: can't evaluate field X in type interface {}");
  EXPECT_EQ(Render("{{(1).X}}", d), "EXEC: template: :1:3: executing \"\" at <1>: can't evaluate field X in type int");
  EXPECT_EQ(Render("line1\nline2 {{index .Names 7}}", d),
            "EXEC: template: :2:8: executing \"\" at <index .Names 7>: error calling index: index out of range: 7");
}

TEST(GoTemplate, GoPrintMatchesFmt) {
  EXPECT_EQ(GoPrint(json(nullptr)), "<nil>");
  EXPECT_EQ(GoPrint(json(123456.0)), "123456");
  EXPECT_EQ(GoPrint(json(1234567.0)), "1.234567e+06");
  EXPECT_EQ(GoPrint(json(0.0001)), "0.0001");
  EXPECT_EQ(GoPrint(json(12345678.9)), "1.23456789e+07");
  EXPECT_EQ(GoPrint(json::parse(R"({"b":[1,null],"a":"x"})")), "map[a:x b:[1 <nil>]]");
}

TEST(GoTemplate, TypedFieldsPrintTheirStringButCompareAsJson) {
  TemplateOptions options;
  options.field_text = [](const std::string& field, const json& v) -> std::optional<std::string> {
    if (field == "Delay" && v.is_number_integer()) return std::to_string(v.get<int64_t>() / 1000000000) + "s";
    return std::nullopt;
  };
  json data = {{"Delay", 5000000000LL}, {"Name", "web"}};
  EXPECT_EQ(Render("{{.Delay}} {{.Name}}", data, options), "5s web");
  // Go's Sprint puts a space between operands when neither is a string: a
  // Duration is an int64, so print separates it from the name only by that rule.
  EXPECT_EQ(Render("{{print .Delay .Delay}}|{{print .Name .Delay}}|{{println .Delay}}", data, options),
            "5s 5s|web5s|5s\n");
  EXPECT_EQ(Render("{{printf \"%v/%s\" .Delay .Delay}}", data, options), "5s/5s");
  EXPECT_EQ(Render("{{json .Delay}} {{if eq .Delay 5000000000}}equal{{end}}", data, options), "5000000000 equal");
  // A variable keeps what it was given.
  EXPECT_EQ(Render("{{$d := .Delay}}{{$d}}", data, options), "5s");
  EXPECT_EQ(Render("{{.Delay}}", data), "5000000000");
}

}  // namespace
}  // namespace swarmsim
