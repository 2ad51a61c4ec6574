// A finished lesson run as one self-contained HTML page a student can keep:
// the lesson's texts in one language, every command (with its docker form) and
// the output it really printed, the predict questions with their answers and
// explanations, and each check's result. No scripts, no outside files: the
// page opens from disk in any browser. `swarmsim lesson export` writes it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/lesson/runner.h"

namespace swarmsim::lesson {

// `runs[i]` is how step i went; a run shorter than the lesson (it stopped at a
// failing step) leaves the remaining steps out and the page says where it stopped.
// `pictures[i]`, when present, is a PNG of the board after step i, embedded in the page.
std::string LessonPage(const Lesson& lesson, Lang lang, const std::vector<StepRun>& runs,
                       const std::map<size_t, std::string>& pictures = {});

// `text` with &, <, >, " and ' replaced by HTML entities.
std::string EscapeHtml(const std::string& text);

}  // namespace swarmsim::lesson
