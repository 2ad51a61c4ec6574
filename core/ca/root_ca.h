// The swarm's root CA, made at `swarm init` as swarmkit's CreateRootCA does it
// (cfssl's initca with swarmkit's request): an ECDSA P-256 key and a self-signed
// X.509 v3 certificate, subject CN=swarm-ca, ecdsa-with-SHA256, valid from the
// init time rounded to the minute less five minutes (cfssl's default backdate)
// for 630720000 s (RootCAExpiration, 20 years), key usage Certificate Sign and
// CRL Sign (critical), basic constraints CA:TRUE (critical), subject key
// identifier the SHA-1 of the public key.
//
// Where swarmkit draws the key and the 20-byte serial at random, these derive
// from a seed (the cluster ID), so the same swarm always has the same CA.
#pragma once

#include <string>
#include <string_view>

#include "core/model/time.h"

namespace swarmsim {

struct RootCa {
  std::string cert_der;
  std::string cert_pem;     // TLSInfo.TrustRoot
  std::string subject_der;  // the raw Name: TLSInfo.CertIssuerSubject
  std::string public_key_der;  // SubjectPublicKeyInfo: TLSInfo.CertIssuerPublicKey
};

// The root CA for `seed`, created at `now`. Deterministic in both.
RootCa CreateRootCa(std::string_view seed, Time now);

}  // namespace swarmsim
