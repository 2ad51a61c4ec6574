// SHA-1 (FIPS 180-4), only for the certificate's Subject Key Identifier: cfssl
// sets it to the SHA-1 of the public key's bits (RFC 5280 4.2.1.2, method 1).
// Not used for any signature.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

// The 20-byte digest of `data`.
std::string Sha1(std::string_view data);

}  // namespace swarmsim
