#include "core/ca/root_ca.h"

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "core/ca/p256.h"
#include "core/format/base64.h"

namespace swarmsim {
namespace {

constexpr Time kInit = 1767603600 * kSecond;  // 2026-01-05T09:00:00Z

// Runs a shell command: its stdout and stderr into *output, its wait status into *status;
// false when it could not start.
bool RunShell(const std::string& command, std::string* output, int* status) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return false;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output->append(buf, n);
  *status = pclose(pipe);
  return true;
}

bool HaveOpenssl() {
  std::string out;
  int status = -1;
  return RunShell("openssl version", &out, &status) && status == 0;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(RootCaTest, SameSeedAndTimeSameCertificate) {
  RootCa a = CreateRootCa("cluster-a", kInit);
  EXPECT_EQ(a.cert_der, CreateRootCa("cluster-a", kInit).cert_der);
  EXPECT_NE(a.cert_der, CreateRootCa("cluster-b", kInit).cert_der);
  EXPECT_NE(a.public_key_der, CreateRootCa("cluster-b", kInit).public_key_der);
  EXPECT_NE(a.cert_der, CreateRootCa("cluster-a", kInit + kHour).cert_der);
  EXPECT_EQ(a.public_key_der, CreateRootCa("cluster-a", kInit + kHour).public_key_der);
}

TEST(RootCaTest, IssuerFieldsAsEveryDockerNodeShowsThem) {
  RootCa ca = CreateRootCa("cluster-a", kInit);
  // CN=swarm-ca, byte for byte what `docker node inspect --pretty` shows on a real swarm.
  EXPECT_EQ(Base64Encode(ca.subject_der), "MBMxETAPBgNVBAMTCHN3YXJtLWNh");
  // An EC public key on prime256v1, uncompressed.
  EXPECT_EQ(Base64Encode(ca.public_key_der).substr(0, 36), "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE");
  P256Point key;
  ASSERT_TRUE(P256Decode(std::string_view(ca.public_key_der).substr(ca.public_key_der.size() - 65), &key));
  EXPECT_EQ(ca.cert_pem.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
  EXPECT_EQ(ca.cert_pem.substr(ca.cert_pem.size() - 26), "-----END CERTIFICATE-----\n");
  EXPECT_NE(ca.cert_der.find(ca.public_key_der), std::string::npos);
}

// OpenSSL, an implementation independent of ours, parses the certificate, reads
// the fields swarmkit sets, and accepts its self-signature (-check_ss_sig: OpenSSL
// skips a trust anchor's own signature unless asked).
TEST(RootCaTest, OpensslParsesAndVerifiesIt) {
  if (!HaveOpenssl()) GTEST_SKIP() << "openssl is not installed: the certificate is not checked against it";
  RootCa ca = CreateRootCa("cluster-a", kInit);
  std::string path = WriteTemp("swarm-ca.pem", ca.cert_pem);
  std::string text;
  int status = -1;
  ASSERT_TRUE(RunShell("openssl x509 -noout -text -in " + path, &text, &status));
  ASSERT_EQ(status, 0) << text;
  for (const char* want : {"Version: 3 (0x2)", "Signature Algorithm: ecdsa-with-SHA256", "Issuer: CN = swarm-ca",
                           "Not Before: Jan  5 08:55:00 2026 GMT", "Not After : Dec 31 08:55:00 2045 GMT",
                           "Subject: CN = swarm-ca", "Public Key Algorithm: id-ecPublicKey",
                           "ASN1 OID: prime256v1", "X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign",
                           "X509v3 Basic Constraints: critical\n                CA:TRUE",
                           "X509v3 Subject Key Identifier:"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  EXPECT_EQ(text.find("Authority Key Identifier"), std::string::npos) << text;

  std::string verified;
  ASSERT_TRUE(RunShell("openssl verify -check_ss_sig -no_check_time -CAfile " + path + " " + path, &verified, &status));
  EXPECT_EQ(status, 0) << verified;
  EXPECT_EQ(verified, path + ": OK\n");

  std::string pubkey;
  ASSERT_TRUE(RunShell("openssl x509 -noout -pubkey -in " + path, &pubkey, &status));
  EXPECT_EQ(pubkey, "-----BEGIN PUBLIC KEY-----\n" + Base64Encode(ca.public_key_der).substr(0, 64) + "\n" +
                        Base64Encode(ca.public_key_der).substr(64) + "\n-----END PUBLIC KEY-----\n");

  // A flipped bit in the signature is refused: the check above can fail.
  std::string bent = ca.cert_der;
  bent[bent.size() - 3] ^= 1;
  std::string bent_path = WriteTemp("bent-ca.der", bent);
  std::string refused;
  ASSERT_TRUE(RunShell("openssl x509 -inform DER -in " + bent_path + " -out " + bent_path + ".pem", &refused, &status));
  ASSERT_TRUE(RunShell("openssl verify -check_ss_sig -no_check_time -CAfile " + bent_path + ".pem " + bent_path + ".pem", &refused,
                  &status));
  EXPECT_NE(status, 0) << refused;
}

}  // namespace
}  // namespace swarmsim
