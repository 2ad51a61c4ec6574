// Go's text conventions that leak into docker's compose output and messages:
// strconv.Quote (%#v of a string), float formatting ('g', shortest), fmt.Sprint.
#pragma once

#include <string>

namespace swarmsim::compose {

// strconv.Quote: "a\"b", with Go's escapes for control characters.
std::string GoQuote(const std::string& s);

// strconv.FormatFloat(v, 'g', -1, bits): "0.5", "1e+06", "1.5e-07".
// bits is 64 (float64) or 32 (float32: the shortest text that reads back as
// the same float32).
std::string GoFormatFloat(double v, int bits = 64);

}  // namespace swarmsim::compose
