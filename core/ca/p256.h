// The NIST P-256 curve (FIPS 186-4 D.1.2.3, SEC 2 secp256r1): y^2 = x^3 - 3x + b
// over the prime field p, a base point G of prime order n. What swarm's root CA
// key is (swarmkit: RootKeyAlgo "ecdsa", RootKeySize 256).
#pragma once

#include <string>
#include <string_view>

#include "core/ca/u256.h"

namespace swarmsim {

// An affine point with ordinary (not Montgomery) coordinates.
struct P256Point {
  U256 x, y;
  bool infinity = false;
};

const U256& P256Order();      // n
const ModRing& P256Field();   // arithmetic mod p
const ModRing& P256Scalars(); // arithmetic mod n
P256Point P256Generator();

bool P256OnCurve(const P256Point& p);
P256Point P256Add(const P256Point& a, const P256Point& b);
// k * p (double-and-add, not constant-time). Any k < 2^256.
P256Point P256Multiply(const U256& k, const P256Point& p);

// SEC 1 2.3.3 uncompressed: 0x04 || X || Y (65 bytes). REQUIRES: !p.infinity.
std::string P256Encode(const P256Point& p);
// The inverse of P256Encode; false unless 65 bytes, 0x04 and a point on the curve.
bool P256Decode(std::string_view bytes, P256Point* out);

}  // namespace swarmsim
