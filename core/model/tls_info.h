// The Engine API's swarm.TLSInfo: the trust root a node (or the swarm) uses and
// the issuer of its certificate. Every node of a swarm and the swarm object show
// the same one: the swarm's root CA, made at `swarm init` (core/ca/root_ca.h).
#pragma once

#include <string>

namespace swarmsim {

struct TlsInfo {
  std::string trust_root;              // the root CA certificate, PEM
  std::string cert_issuer_subject;     // the issuer's raw subject (DER Name)
  std::string cert_issuer_public_key;  // the issuer's raw SubjectPublicKeyInfo (DER)

  // docker/cli's isEmptyTLSInfo: nothing to show (a database from before the CA).
  bool empty() const { return trust_root.empty() && cert_issuer_subject.empty() && cert_issuer_public_key.empty(); }
  bool operator==(const TlsInfo&) const = default;
};

}  // namespace swarmsim
