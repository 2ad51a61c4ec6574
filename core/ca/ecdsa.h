// ECDSA over P-256 with SHA-256 (FIPS 186-4 6.4), the nonce derived from the key
// and the digest as RFC 6979 3.2 says (HMAC-SHA256): the same key and message
// always give the same signature, so a swarm's CA certificate is reproducible
// and `replay --verify` holds. (Go's crypto/ecdsa draws a random nonce; any
// valid signature verifies the same.)
#pragma once

#include <string>
#include <string_view>

#include "core/ca/p256.h"
#include "core/ca/u256.h"

namespace swarmsim {

struct EcdsaSignature {
  U256 r, s;
};

// The public key d*G. REQUIRES: 0 < d < n.
P256Point EcdsaPublicKey(const U256& d);

// RFC 6979's k for private key `d` and a 32-byte `digest` (exposed for its test vectors).
U256 Rfc6979Nonce(const U256& d, std::string_view digest);

// Signs a 32-byte SHA-256 `digest`. REQUIRES: 0 < d < n.
EcdsaSignature EcdsaSign(const U256& d, std::string_view digest);

// FIPS 186-4 6.4.2 verification of `sig` over a 32-byte `digest`.
bool EcdsaVerify(const P256Point& key, std::string_view digest, const EcdsaSignature& sig);

}  // namespace swarmsim
