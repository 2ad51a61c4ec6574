#!/usr/bin/env bash
# `service create|update|scale|rollback` without -d wait as docker does, on a live
# clock (speed 100): docker's progress lines, the monitor period, the verdict. On a
# paused clock they say so once and return; Ctrl-C and SWARMSIM_WAIT_LIMIT stop a
# wait that cannot end. No docker client needed. Every wait is bounded by timeout(1).
set -euo pipefail
SWARMSIM=${SWARMSIM:?SWARMSIM must name the swarmsim binary}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SWARMSIM_STATE=$WORK/cluster.db SWARMSIM_SEED=5
unset SWARMSIM_WALL_CLOCK SWARMSIM_WAIT_LIMIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# has FILE LINE: FILE contains LINE exactly.
has() { grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }; }
# run NAME CMD...: runs swarmsim with a 60 s cap; stdout, stderr and status in NAME.*
run() {
  local name=$1
  shift
  local rc=0
  timeout 60 "$SWARMSIM" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
  echo "$rc" >"$WORK/$name.rc"
  [ "$rc" -ne 124 ] || fail "swarmsim $* still waited after 60 s"
}

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add --count 2 >/dev/null
"$SWARMSIM" time speed 100 >/dev/null

# create: the ID, then docker's progress (off a terminal: counts and verify lines).
start=$(date +%s)
run create service create --name web --replicas 3 nginx
[ "$(cat "$WORK/create.rc")" = 0 ] || fail "create exited $(cat "$WORK/create.rc"): $(cat "$WORK/create.err")"
id=$(head -1 "$WORK/create.out")
[ ${#id} -eq 25 ] || fail "create's first line is not an ID: $id"
has "$WORK/create.out" "overall progress: 0 out of 3 tasks"
has "$WORK/create.out" "1/3:  "
has "$WORK/create.out" "overall progress: 3 out of 3 tasks"
has "$WORK/create.out" "verify: Waiting 5 seconds to verify that tasks are stable..."
[ "$(tail -1 "$WORK/create.out")" = "verify: Service $id converged" ] || fail "create did not end converged"
[ ! -s "$WORK/create.err" ] || fail "create wrote to stderr: $(cat "$WORK/create.err")"
[ $(($(date +%s) - start)) -lt 30 ] || fail "create took more than 30 s at speed 100"
[ "$("$SWARMSIM" service ls --format '{{.Replicas}}')" = "3/3" ] || fail "web is not 3/3 after the wait"

# scale and update name the service as typed.
run scale service scale web=5
has "$WORK/scale.out" "web scaled to 5"
has "$WORK/scale.out" "overall progress: 5 out of 5 tasks"
[ "$(tail -1 "$WORK/scale.out")" = "verify: Service web converged" ] || fail "scale did not end converged"
# A rolling update takes several polls: at speed 100 a 200 ms poll is 20 virtual
# seconds, and docker stops silently when the first poll finds the update already
# completed. At speed 10 it sees the tasks converge first.
"$SWARMSIM" time speed 10 >/dev/null
run update service update --image nginx:1.26 web
[ "$(head -1 "$WORK/update.out")" = web ] || fail "update's first line"
[ "$(tail -1 "$WORK/update.out")" = "verify: Service web converged" ] || fail "update did not end converged"

# rollback: the manual rollback notice, counts while rolling back, the verdict.
run rollback service rollback web
has "$WORK/rollback.out" "rollback: manually requested rollback"
has "$WORK/rollback.out" "overall progress: rolling back update: 5 out of 5 tasks"
[ "$(tail -1 "$WORK/rollback.out")" = "verify: Service web converged" ] || fail "rollback did not end converged"

# -q waits silently; -d does not wait.
run quiet service create -q --name quiet nginx
[ "$(wc -l <"$WORK/quiet.out")" = 1 ] || fail "-q printed progress: $(cat "$WORK/quiet.out")"
[ "$("$SWARMSIM" service ls --filter name=quiet --format '{{.Replicas}}')" = "1/1" ] || fail "-q did not wait"
run detached service create -d --name detached nginx
[ "$(wc -l <"$WORK/detached.out")" = 1 ] || fail "-d printed progress"

# A wait that cannot end: Ctrl-C says the operation goes on, exit 0.
timeout 60 "$SWARMSIM" service create --name stuck --constraint node.labels.none==x nginx \
  >"$WORK/stuck.out" 2>"$WORK/stuck.err" &
pid=$!
# Ctrl-C once it is waiting (its progress has begun), not while it still creates.
for _ in $(seq 1 200); do
  grep -q "^overall progress" "$WORK/stuck.out" && break
  sleep 0.1
done
sleep 0.5
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
[ "$rc" = 0 ] || fail "Ctrl-C: exit $rc"
has "$WORK/stuck.out" "Operation continuing in background."
has "$WORK/stuck.out" "Use \`swarmsim service ps $(head -1 "$WORK/stuck.out")\` to check progress."  # create names the ID

# ... and so does SWARMSIM_WAIT_LIMIT, saying why on stderr.
start=$(date +%s)
SWARMSIM_WAIT_LIMIT=1s run limit service update --replicas 2 stuck
[ "$(cat "$WORK/limit.rc")" = 0 ] || fail "the wait limit: exit $(cat "$WORK/limit.rc")"
has "$WORK/limit.out" "Operation continuing in background."
has "$WORK/limit.err" "Stopped waiting after 1s (SWARMSIM_WAIT_LIMIT); the service goes on converging."
[ $(($(date +%s) - start)) -lt 10 ] || fail "the 1s wait limit took more than 10 s"

# A paused clock: said once on stderr, no waiting.
"$SWARMSIM" time pause >/dev/null
run paused service scale web=2 quiet=2
[ "$(cat "$WORK/paused.rc")" = 0 ] || fail "paused: exit $(cat "$WORK/paused.rc")"
[ "$(cat "$WORK/paused.out")" = "web scaled to 2
quiet scaled to 2" ] || fail "paused printed progress: $(cat "$WORK/paused.out")"
[ "$(wc -l <"$WORK/paused.err")" = 1 ] || fail "paused said more than one line: $(cat "$WORK/paused.err")"
grep -q "clock is paused" "$WORK/paused.err" || fail "paused: $(cat "$WORK/paused.err")"

# Polls saved what time moved without logging anything: the log still rebuilds the cluster.
"$SWARMSIM" replay --verify >/dev/null || fail "replay --verify after waited commands"
echo "service_wait_test: ok"
