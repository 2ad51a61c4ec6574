// Bytes as lowercase hex digits, as Go's encoding/hex.EncodeToString writes them.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

std::string HexEncode(std::string_view bytes);

// The value of one hex digit (either case), or -1 for any other character.
int HexDigitValue(char c);

}  // namespace swarmsim
