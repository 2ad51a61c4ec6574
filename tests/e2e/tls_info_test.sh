#!/usr/bin/env bash
# The swarm's root CA through the real docker client: `node inspect --pretty`
# shows the TLS Info block as swarmsim's CLI does, `node ls` says the node's TLS is
# Ready, and `swarm ca` prints a certificate OpenSSL verifies.
. "$(dirname "$0")/lib.sh"

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add >/dev/null
"$SWARMSIM" time pause >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK

docker_pretty=$("$DOCKER" node inspect --pretty node2)
expect_eq "docker node inspect --pretty" "$docker_pretty" "$("$SWARMSIM" node inspect --pretty node2)"
case "$docker_pretty" in
  *"TLS Info:"*"-----BEGIN CERTIFICATE-----"*" Issuer Subject:	MBMxETAPBgNVBAMTCHN3YXJtLWNh"*" Issuer Public Key:	MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"*) ;;
  *) fail "no TLS Info block in docker's pretty output: $docker_pretty" ;;
esac
expect_eq "docker node ls TLS status" "$("$DOCKER" node ls --format '{{.Hostname}} {{.TLSStatus}}')" "node1 Ready
node2 Ready"

"$DOCKER" swarm ca >"$WORK/ca.pem"
expect_eq "docker swarm ca" "$(cat "$WORK/ca.pem")" "$("$SWARMSIM" swarm inspect --format '{{.TLSInfo.TrustRoot}}')"
if command -v openssl >/dev/null; then
  openssl verify -check_ss_sig -CAfile "$WORK/ca.pem" "$WORK/ca.pem" >/dev/null || fail "openssl does not verify the root CA"
else
  echo "openssl is not installed: the root CA's signature is not checked"
fi
echo "PASS"
