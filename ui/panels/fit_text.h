// Text cut to a width with an ellipsis. Columns narrow as nodes are added or the
// zoom grows; a task name must then end in "…" before its state badge rather
// than run underneath it.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

namespace swarmsim::ui {

// `text` as drawn with `font` at `size`, shortened at a character boundary (UTF-8)
// and ended with "…" when wider than `max_width`; "" when not even "…" fits.
std::string FitText(const ImFont* font, float size, const std::string& text, float max_width);

// The same with the current font and size.
std::string FitText(const std::string& text, float max_width);

// A task's name ("todo_todo-web.1") fitted to `max_width` so that two tasks of
// one service never read alike: the whole name; else without the stack's prefix
// ("todo-web.1"); else the service part cut, keeping the slot (".1") whole.
std::string FitTaskName(const ImFont* font, float size, const std::string& name, uint64_t slot, float max_width);

}  // namespace swarmsim::ui
