#include "core/model/event_attributes.h"

#include <algorithm>

namespace swarmsim {

EventAttributes::EventAttributes(std::initializer_list<value_type> init) : items_(init) {
  std::stable_sort(items_.begin(), items_.end(),
                   [](const value_type& a, const value_type& b) { return a.first < b.first; });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const value_type& a, const value_type& b) { return a.first == b.first; }),
               items_.end());
}

EventAttributes::EventAttributes(const std::map<std::string, std::string>& m) : items_(m.begin(), m.end()) {}

EventAttributes::const_iterator EventAttributes::find(std::string_view key) const {
  for (auto it = items_.begin(); it != items_.end(); ++it) {
    if (it->first == key) return it;
  }
  return items_.end();
}

EventAttributes::iterator EventAttributes::find(std::string_view key) {
  for (auto it = items_.begin(); it != items_.end(); ++it) {
    if (it->first == key) return it;
  }
  return items_.end();
}

const std::string& EventAttributes::at(std::string_view key) const {
  static const std::string kNone;
  auto it = find(key);
  return it == end() ? kNone : it->second;
}

std::string& EventAttributes::operator[](std::string_view key) {
  auto it = std::lower_bound(items_.begin(), items_.end(), key,
                             [](const value_type& a, std::string_view k) { return std::string_view(a.first) < k; });
  if (it != items_.end() && it->first == key) return it->second;
  return items_.emplace(it, std::string(key), std::string())->second;
}

size_t EventAttributes::erase(std::string_view key) {
  auto it = find(key);
  if (it == items_.end()) return 0;
  items_.erase(it);
  return 1;
}

}  // namespace swarmsim
