#include "core/ca/ecdsa.h"

#include "core/ca/sha256.h"

namespace swarmsim {

namespace {

// bits2int for a 256-bit digest and a 256-bit order: the digest itself; reduced
// mod n it is also bits2octets (RFC 6979 2.3.2-2.3.4).
U256 DigestScalar(std::string_view digest) { return P256Scalars().Reduce(U256FromBytes(digest)); }

bool InRange(const U256& k) { return !IsZero(k) && Compare(k, P256Order()) < 0; }

}  // namespace

P256Point EcdsaPublicKey(const U256& d) { return P256Multiply(d, P256Generator()); }

U256 Rfc6979Nonce(const U256& d, std::string_view digest) {
  std::string x = U256ToBytes(d);
  std::string h1 = U256ToBytes(DigestScalar(digest));
  std::string v(32, '\x01');
  std::string k(32, '\0');
  k = HmacSha256(k, v + '\0' + x + h1);
  v = HmacSha256(k, v);
  k = HmacSha256(k, v + '\x01' + x + h1);
  v = HmacSha256(k, v);
  for (;;) {
    v = HmacSha256(k, v);  // qlen = hlen = 256: one block is a candidate
    U256 candidate = U256FromBytes(v);
    if (InRange(candidate)) return candidate;
    k = HmacSha256(k, v + '\0');
    v = HmacSha256(k, v);
  }
}

EcdsaSignature EcdsaSign(const U256& d, std::string_view digest) {
  const ModRing& n = P256Scalars();
  U256 e = DigestScalar(digest);
  U256 k = Rfc6979Nonce(d, digest);
  // r or s of zero has probability ~2^-256; RFC 6979 3.4 would draw the next k.
  U256 r = n.Reduce(EcdsaPublicKey(k).x);
  U256 km = n.ToMont(k);
  U256 sum = n.Add(n.ToMont(e), n.Mul(n.ToMont(d), n.ToMont(r)));
  U256 s = n.FromMont(n.Mul(n.Inverse(km), sum));
  return {r, s};
}

bool EcdsaVerify(const P256Point& key, std::string_view digest, const EcdsaSignature& sig) {
  if (!InRange(sig.r) || !InRange(sig.s) || key.infinity || !P256OnCurve(key)) return false;
  const ModRing& n = P256Scalars();
  U256 w = n.Inverse(n.ToMont(sig.s));
  U256 u1 = n.FromMont(n.Mul(n.ToMont(DigestScalar(digest)), w));
  U256 u2 = n.FromMont(n.Mul(n.ToMont(sig.r), w));
  P256Point point = P256Add(P256Multiply(u1, P256Generator()), P256Multiply(u2, key));
  if (point.infinity) return false;
  return n.Reduce(point.x) == sig.r;
}

}  // namespace swarmsim
