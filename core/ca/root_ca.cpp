#include "core/ca/root_ca.h"

#include "core/ca/der.h"
#include "core/ca/ecdsa.h"
#include "core/ca/pem.h"
#include "core/ca/sha1.h"
#include "core/ca/sha256.h"

namespace swarmsim {

namespace {

constexpr char kEcdsaWithSha256[] = "1.2.840.10045.4.3.2";
constexpr char kEcPublicKey[] = "1.2.840.10045.2.1";
constexpr char kPrime256v1[] = "1.2.840.10045.3.1.7";
constexpr char kCommonName[] = "2.5.4.3";
constexpr char kKeyUsage[] = "2.5.29.15";
constexpr char kBasicConstraints[] = "2.5.29.19";
constexpr char kSubjectKeyId[] = "2.5.29.14";

constexpr Duration kRootCaExpiration = 630720000 * kSecond;  // swarmkit's RootCAExpiration
constexpr Duration kBackdate = 5 * kMinute;                   // cfssl's default when none is set

// The private scalar: HMAC-SHA256 candidates under the seed until one is in [1, n).
U256 PrivateKey(std::string_view seed) {
  for (int counter = 0;; ++counter) {
    U256 d = U256FromBytes(HmacSha256(seed, "swarm-ca key " + std::to_string(counter)));
    if (!IsZero(d) && Compare(d, P256Order()) < 0) return d;
  }
}

// cfssl: 20 random bytes with the top bit cleared (a positive INTEGER of at most 20 octets).
std::string SerialNumber(std::string_view seed) {
  std::string serial = HmacSha256(seed, "swarm-ca serial").substr(0, 20);
  serial[0] = static_cast<char>(serial[0] & 0x7f);
  return serial;
}

// Go's time.Round(time.Minute): halfway rounds up.
Time RoundToMinute(Time t) {
  Time rem = ((t % kMinute) + kMinute) % kMinute;
  return rem * 2 >= kMinute ? t - rem + kMinute : t - rem;
}

std::string Extension(const char* oid, bool critical, std::string_view value) {
  return DerSequence(DerOid(oid) + (critical ? DerBoolean(true) : "") + DerOctetString(value));
}

}  // namespace

RootCa CreateRootCa(std::string_view seed, Time now) {
  U256 d = PrivateKey(seed);
  std::string point = P256Encode(EcdsaPublicKey(d));
  RootCa ca;
  // Go's pkix.Name marshals "swarm-ca" as a PrintableString.
  ca.subject_der = DerSequence(DerSet(DerSequence(DerOid(kCommonName) + DerPrintableString("swarm-ca"))));
  ca.public_key_der =
      DerSequence(DerSequence(DerOid(kEcPublicKey) + DerOid(kPrime256v1)) + DerBitString(point));
  std::string algorithm = DerSequence(DerOid(kEcdsaWithSha256));
  Time not_before = RoundToMinute(now) - kBackdate;
  // Extensions in Go's x509 order. Key usage bits 5 (keyCertSign) and 6 (cRLSign):
  // 0x06 with one unused bit. No authority key identifier: Go leaves it out of a
  // self-signed certificate.
  std::string extensions = Extension(kKeyUsage, true, DerElement(0x03, std::string("\x01\x06", 2))) +
                           Extension(kBasicConstraints, true, DerSequence(DerBoolean(true))) +
                           Extension(kSubjectKeyId, false, DerOctetString(Sha1(point)));
  std::string tbs = DerSequence(DerExplicit(0, DerSmallInteger(2)) + DerUnsignedInteger(SerialNumber(seed)) +
                                algorithm + ca.subject_der +
                                DerSequence(DerTime(not_before) + DerTime(not_before + kRootCaExpiration)) +
                                ca.subject_der + ca.public_key_der + DerExplicit(3, DerSequence(extensions)));
  EcdsaSignature sig = EcdsaSign(d, Sha256(tbs));
  std::string sig_der = DerSequence(DerUnsignedInteger(U256ToBytes(sig.r)) + DerUnsignedInteger(U256ToBytes(sig.s)));
  ca.cert_der = DerSequence(tbs + algorithm + DerBitString(sig_der));
  ca.cert_pem = PemEncode("CERTIFICATE", ca.cert_der);
  return ca;
}

}  // namespace swarmsim
