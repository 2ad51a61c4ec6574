# Shared by the end-to-end tests that drive the real docker client against
# `swarmsim serve`: a fresh cluster database in a temporary directory, a server
# started on a socket there, and a clean stop (the server removes its socket).
# Exit code 77 is ctest's SKIP: no docker client on this machine.
set -euo pipefail

SWARMSIM=${SWARMSIM:?SWARMSIM must name the swarmsim binary}
SOURCE_DIR=${SOURCE_DIR:?SOURCE_DIR must name the source tree}
DOCKER=${DOCKER:-$(command -v docker || true)}
if [ -z "$DOCKER" ]; then
  echo "SKIPPED: no docker client installed (the e2e tests drive the real docker CLI)"
  exit 77
fi

WORK=$(mktemp -d)
export SWARMSIM_STATE=$WORK/cluster.db
export SWARMSIM_SEED=42
export HOME=$WORK  # docker's config (contexts, ~/.docker) stays in the test's directory
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
SERVE_PIDS=()

cleanup() {
  for pid in "${SERVE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# start_serve SOCKET [serve flags...]: starts a server, waits for its socket.
start_serve() {
  local sock=$1
  shift
  "$SWARMSIM" serve -H "unix://$sock" "$@" >"$sock.out" 2>"$sock.err" &
  SERVE_PIDS+=($!)
  for _ in $(seq 1 200); do
    [ -S "$sock" ] && grep -q "^export DOCKER_HOST=unix://$sock\$" "$sock.out" && return 0
    sleep 0.05
  done
  cat "$sock.err" >&2
  fail "swarmsim serve did not start on $sock"
}

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  if [ "$2" != "$3" ]; then
    printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n' "$1" "$3" "$2" >&2
    exit 1
  fi
}

# Tables compared between the docker client and swarmsim on the same cluster:
# relative times aside (the client measures them against the wall clock, swarmsim
# against virtual time) and column padding aside (it follows the cell widths).
normalize() {
  sed -E 's/(less than a second|about a minute|about an hour|an? (second|minute|hour|day|week|month|year)|[0-9]+ (second|minute|hour|day|week|month|year)s?) (ago|from now)/~/gI; s/ +$//; s/  +/|/g'
}

# same TITLE DOCKER-ARGS... -- SWARMSIM-ARGS...
same() {
  local title=$1
  shift
  local d=() s=()
  while [ "$1" != "--" ]; do d+=("$1"); shift; done
  shift
  s=("$@")
  local dout sout
  dout=$("$DOCKER" "${d[@]}" 2>&1 | normalize) || true
  sout=$("$SWARMSIM" "${s[@]}" 2>&1 | normalize) || true
  expect_eq "$title: docker ${d[*]} vs swarmsim ${s[*]}" "$dout" "$sout"
}
