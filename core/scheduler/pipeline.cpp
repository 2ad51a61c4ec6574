#include "core/scheduler/pipeline.h"

#include <algorithm>

namespace swarmsim {

Pipeline::Pipeline() {
  for (auto& f : DefaultFilters()) checklist_.push_back(Entry{std::move(f)});
}

void Pipeline::SetTask(const Task& task) {
  for (auto& e : checklist_) {
    e.enabled = e.filter->SetTask(task);
    e.failures = 0;
  }
}

bool Pipeline::Process(const NodeInfo& node) {
  for (auto& e : checklist_) {
    if (e.enabled && !e.filter->Check(node)) {
      ++e.failures;
      return false;
    }
  }
  for (auto& e : checklist_) e.failures = 0;
  return true;
}

std::string Pipeline::Explain() const {
  std::vector<const Entry*> failed;
  for (const auto& e : checklist_) {
    if (e.failures > 0) failed.push_back(&e);
  }
  std::stable_sort(failed.begin(), failed.end(),
                   [](const Entry* a, const Entry* b) { return a->failures > b->failures; });
  std::string out;
  for (const Entry* e : failed) {
    if (!out.empty()) out += "; ";
    out += e->filter->Explain(e->failures);
  }
  return out;
}

std::vector<FilterVerdict> Pipeline::Evaluate(const NodeInfo& node) const {
  std::vector<FilterVerdict> out;
  out.reserve(checklist_.size());
  for (const auto& e : checklist_) {
    FilterVerdict v;
    v.filter = e.filter->name();
    v.enabled = e.enabled;
    v.passed = !e.enabled || e.filter->Check(node, &v.reason);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace swarmsim
