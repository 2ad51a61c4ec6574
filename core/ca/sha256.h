// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104): the digests the swarm's root
// CA needs (the certificate's signature hash, RFC 6979's nonce generator). Core
// links no crypto library, since it also compiles for the browser.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

// The 32-byte digest of `data` (bytes in a std::string, as everywhere in core).
std::string Sha256(std::string_view data);

// HMAC-SHA256 of `data` under `key` (any length): 32 bytes.
std::string HmacSha256(std::string_view key, std::string_view data);

}  // namespace swarmsim
