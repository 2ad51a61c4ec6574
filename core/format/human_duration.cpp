#include "core/format/human_duration.h"

#include <cctype>
#include <cmath>

namespace swarmsim {

std::string HumanDuration(Duration d) {
  int64_t seconds = d / kSecond;  // go-units truncates seconds and minutes, rounds hours
  if (seconds < 1) return "Less than a second";
  if (seconds == 1) return "1 second";
  if (seconds < 60) return std::to_string(seconds) + " seconds";
  int64_t minutes = d / kMinute;
  if (minutes == 1) return "About a minute";
  if (minutes < 60) return std::to_string(minutes) + " minutes";
  int64_t hours = (d + kHour / 2) / kHour;
  if (hours == 1) return "About an hour";
  if (hours < 48) return std::to_string(hours) + " hours";
  if (hours < 24 * 7 * 2) return std::to_string(hours / 24) + " days";
  if (hours < 24 * 30 * 2) return std::to_string(hours / 24 / 7) + " weeks";
  if (hours < 24 * 365 * 2) return std::to_string(hours / 24 / 30) + " months";
  return std::to_string(d / kHour / 24 / 365) + " years";
}

std::string TaskStateAge(const std::string& state_word, Duration since) {
  std::string words = HumanDuration(since);
  words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return state_word + " " + words + " ago";
}

}  // namespace swarmsim
