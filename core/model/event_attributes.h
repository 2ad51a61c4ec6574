// EventAttributes: an event's Actor.Attributes, key -> value in key order.
//
// A flat vector of pairs instead of a std::map: a `service create --replicas
// 100000` records 300,000 events of three to five attributes each, and a map
// node per attribute (plus the copies out of an initializer list) was a fifth of
// the command. Lookups are linear, which is what a handful of keys wants. The
// interface is the part of std::map's that callers use (find, count, at,
// operator[], erase, iteration in key order), so readers did not change.
//
// Keys are unique and sorted as std::string compares them (bytes as unsigned char).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace swarmsim {

class EventAttributes {
 public:
  using value_type = std::pair<std::string, std::string>;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  EventAttributes() = default;
  // Any order; a key given twice keeps its first value, as std::map's does.
  EventAttributes(std::initializer_list<value_type> init);
  // Implicit: readers that parse a JSON object get a map.
  EventAttributes(const std::map<std::string, std::string>& m);  // NOLINT(google-explicit-constructor)

  // Appends a key that sorts after every key present (the cheap way to build one
  // on a hot path). REQUIRES: empty() or key > the last key.
  void Append(std::string_view key, std::string value) { items_.emplace_back(std::string(key), std::move(value)); }
  void reserve(size_t n) { items_.reserve(n); }

  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

  const_iterator find(std::string_view key) const;
  iterator find(std::string_view key);
  size_t count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
  // The value of `key`; an empty string when there is none (std::map's at would throw).
  const std::string& at(std::string_view key) const;
  // The value of `key`, inserted empty at its place in key order when missing.
  std::string& operator[](std::string_view key);
  // Removes `key`; returns how many entries went (0 or 1).
  size_t erase(std::string_view key);

  std::map<std::string, std::string> ToMap() const { return {items_.begin(), items_.end()}; }

  bool operator==(const EventAttributes&) const = default;

 private:
  std::vector<value_type> items_;  // sorted by key, keys unique
};

}  // namespace swarmsim
