// PEM (RFC 7468) as Go's encoding/pem writes it: base64 in 64-character lines
// between BEGIN and END lines, ending in a newline.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

// PemEncode("CERTIFICATE", der) -> "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n".
std::string PemEncode(std::string_view type, std::string_view der);

}  // namespace swarmsim
