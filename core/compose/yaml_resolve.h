// yaml.v3's resolution of plain (unquoted) scalars: which type a text reads as
// ("3.7" a float, "yes" a string, "2024-01-01" a time, "0x1F" an int), the
// value it decodes to, and the tag the writer checks to decide on quoting.
// Internal to core/compose.
#pragma once

#include <string>

#include "core/compose/value.h"

namespace swarmsim::compose {

struct ResolvedScalar {
  std::string tag;  // "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp" or "!!merge"
  Value value;
};

// The implicit type and value of a plain scalar.
ResolvedScalar ResolvePlainScalar(const std::string& plain);

// Just the tag: the writer quotes strings that would read back as something else.
std::string ImplicitTag(const std::string& plain);

}  // namespace swarmsim::compose
