#include "core/lesson/lesson_page.h"

#include "core/format/base64.h"

namespace swarmsim::lesson {

namespace {

const char* Say(Lang lang, const char* en, const char* ko) { return lang == Lang::kKo ? ko : en; }

// Plain CSS inside the page, so the file is all a student needs to keep.
constexpr const char* kStyle =
    "body{font-family:system-ui,-apple-system,'Noto Sans KR','Malgun Gothic',sans-serif;"
    "max-width:960px;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}"
    ".id{color:#888;font-size:.8em;font-weight:normal}"
    "p.text{white-space:pre-wrap}"
    "pre{background:#f5f5f5;padding:.6em;overflow-x:auto;font-size:.85em}"
    "pre.cmd{background:#1e2a38;color:#e8eef5;margin-bottom:0}"
    "pre.out{margin-top:0;border-left:3px solid #1e2a38}"
    ".docker{color:#666;font-size:.85em;margin:.2em 0 .6em}"
    ".exit{color:#b00;font-size:.85em}"
    ".predict{background:#fff8e0;padding:.6em 1em;margin:1em 0}"
    ".right{font-weight:bold}"
    ".ok{color:#070}.bad{color:#b00}"
    "ul.checks{list-style:none;padding-left:0}"
    "img.board{max-width:100%;border:1px solid #ccc}";

// Turns the text's lines into a paragraph that keeps its line breaks.
std::string Paragraph(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return "<p class=\"text\">" + EscapeHtml(t) + "</p>\n";
}

std::string Commands(const StepRun& run, Lang lang) {
  std::string h;
  for (const auto& r : run.commands) {
    h += "<pre class=\"cmd\">$ " + EscapeHtml(r.command.line) + "</pre>\n";
    std::string output = r.output.out + r.output.err;
    if (!output.empty()) h += "<pre class=\"out\">" + EscapeHtml(output) + "</pre>\n";
    if (!r.command.docker.empty()) {
      h += "<div class=\"docker\">" + std::string(Say(lang, "with docker: ", "docker 로: ")) + "<code>" +
           EscapeHtml(r.command.docker) + "</code></div>\n";
    }
    if (r.output.exit_code != 0 || !r.as_expected()) {
      h += "<div class=\"exit\">" + std::string(Say(lang, "exit code ", "종료 코드 ")) +
           std::to_string(r.output.exit_code) +
           (r.as_expected() ? "" : std::string(Say(lang, " (the lesson expects ", " (레슨이 기대한 값 ")) +
                                       std::to_string(r.command.exit_code) + ")") +
           "</div>\n";
    }
  }
  return h;
}

std::string Predicts(const Step& step, Lang lang) {
  std::string h;
  for (const auto& p : step.predicts) {
    h += "<div class=\"predict\"><p><b>" + std::string(Say(lang, "Predict: ", "예측: ")) + "</b>" +
         EscapeHtml(p.question.In(lang)) + "</p>\n<ol>\n";
    for (size_t k = 0; k < p.choices.size(); ++k) {
      bool right = static_cast<int>(k) == p.answer;
      h += std::string(right ? "<li class=\"right\">" : "<li>") + EscapeHtml(p.choices[k].In(lang)) +
           (right ? std::string(" ✓") : std::string()) + "</li>\n";
    }
    h += "</ol>\n" + Paragraph(p.explanation.In(lang)) + "</div>\n";
  }
  return h;
}

std::string Outcomes(const std::vector<CheckOutcome>& outcomes) {
  std::string h = "<ul class=\"checks\">\n";
  for (const auto& o : outcomes) {
    h += std::string(o.ok ? "<li class=\"ok\">✓ " : "<li class=\"bad\">✗ ") + EscapeHtml(o.what) +
         (o.ok ? "" : " (" + EscapeHtml(o.found) + ")") + "</li>\n";
  }
  return h + "</ul>\n";
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string LessonPage(const Lesson& lesson, Lang lang, const std::vector<StepRun>& runs,
                       const std::map<size_t, std::string>& pictures) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"";
  h += lang == Lang::kKo ? "ko" : "en";
  h += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + EscapeHtml(lesson.title.In(lang)) + "</title>\n<style>" +
       kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + EscapeHtml(lesson.title.In(lang)) + "</h1>\n" + Paragraph(lesson.summary.In(lang));
  if (!lesson.cluster.description.en.empty()) {
    h += "<p><b>" + std::string(Say(lang, "Cluster: ", "클러스터: ")) + "</b>" +
         EscapeHtml(lesson.cluster.description.In(lang)) + "</p>\n";
  }
  bool all_ok = runs.size() == lesson.steps.size();
  for (size_t i = 0; i < runs.size() && i < lesson.steps.size(); ++i) {
    const Step& step = lesson.steps[i];
    const StepRun& run = runs[i];
    h += "<h2 id=\"" + EscapeHtml(step.id) + "\">" + EscapeHtml(step.title.In(lang)) + " <span class=\"id\">(" +
         EscapeHtml(step.id) + ")</span></h2>\n";
    h += Paragraph(step.explain.In(lang));
    if (!run.unmet.empty()) {
      h += "<p class=\"bad\">" + std::string(Say(lang, "Its preconditions did not hold:", "사전 조건이 맞지 않았습니다:")) +
           "</p>\n" + Outcomes(run.unmet);
      all_ok = false;
      continue;
    }
    h += Commands(run, lang) + Predicts(step, lang);
    if (!run.outcomes.empty()) {
      h += "<p><b>" + std::string(Say(lang, "Checks", "확인")) + "</b></p>\n" + Outcomes(run.outcomes);
    }
    if (auto it = pictures.find(i); it != pictures.end()) {
      h += "<img class=\"board\" alt=\"" + EscapeHtml(Say(lang, "The board after this step", "이 단계 뒤의 보드")) +
           "\" src=\"data:image/png;base64," + Base64Encode(it->second) + "\">\n";
    }
    if (!run.ok()) all_ok = false;
  }
  h += all_ok ? "<p class=\"ok\"><b>" + std::string(Say(lang, "Lesson complete: every check held.",
                                                          "레슨 완료: 모든 확인을 통과했습니다.")) +
                    "</b></p>\n"
              : "<p class=\"bad\"><b>" + std::string(Say(lang, "The run stopped at a step whose checks failed.",
                                                           "확인에 실패한 단계에서 실행이 멈췄습니다.")) +
                    "</b></p>\n";
  return h + "</body>\n</html>\n";
}

}  // namespace swarmsim::lesson
