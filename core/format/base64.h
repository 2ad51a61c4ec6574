// Standard base64 with padding (RFC 4648), as Go's encoding/base64.StdEncoding:
// config data in the Engine API, non-UTF-8 files in the command log.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

std::string Base64Encode(std::string_view in);

// Returns false (and leaves *out partly written) when `in` is not padded base64.
bool Base64Decode(std::string_view in, std::string* out);

}  // namespace swarmsim
