#include "core/ca/ecdsa.h"

#include <gtest/gtest.h>

#include "core/ca/sha256.h"

namespace swarmsim {
namespace {

// RFC 6979 A.2.5: ECDSA, 256 bits (prime field), with SHA-256.
const char kPrivate[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";

TEST(EcdsaTest, Rfc6979PublicKey) {
  P256Point q = EcdsaPublicKey(U256FromHex(kPrivate));
  EXPECT_EQ(U256ToHex(q.x), "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6");
  EXPECT_EQ(U256ToHex(q.y), "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
}

TEST(EcdsaTest, Rfc6979SignaturesWithSha256) {
  struct Vector {
    const char* message;
    const char* k;
    const char* r;
    const char* s;
  };
  const Vector vectors[] = {
      {"sample", "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60",
       "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
       "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"},
      {"test", "d16b6ae827f17175e040871a1c7ec3500192c4c92677336ec2537acaee0008e0",
       "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
       "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"},
  };
  U256 d = U256FromHex(kPrivate);
  for (const Vector& v : vectors) {
    std::string digest = Sha256(v.message);
    EXPECT_EQ(U256ToHex(Rfc6979Nonce(d, digest)), v.k) << v.message;
    EcdsaSignature sig = EcdsaSign(d, digest);
    EXPECT_EQ(U256ToHex(sig.r), v.r) << v.message;
    EXPECT_EQ(U256ToHex(sig.s), v.s) << v.message;
  }
}

TEST(EcdsaTest, VerifyAcceptsTheSignatureAndNothingElse) {
  U256 d = U256FromHex(kPrivate);
  P256Point q = EcdsaPublicKey(d);
  std::string digest = Sha256("sample");
  EcdsaSignature sig = EcdsaSign(d, digest);
  EXPECT_TRUE(EcdsaVerify(q, digest, sig));
  EXPECT_FALSE(EcdsaVerify(q, Sha256("samples"), sig));
  EcdsaSignature bent = sig;
  bent.s.limb[0] ^= 1;
  EXPECT_FALSE(EcdsaVerify(q, digest, bent));
  EXPECT_FALSE(EcdsaVerify(q, digest, {U256{}, sig.s}));
  EXPECT_FALSE(EcdsaVerify(P256Generator(), digest, sig));
}

}  // namespace
}  // namespace swarmsim
