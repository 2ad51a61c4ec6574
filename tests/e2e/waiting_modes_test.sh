#!/usr/bin/env bash
# The docker client's waiting modes against swarmsim serve: `service create` and
# `service update` attached (the default), `stack deploy --detach=false` and
# `stack rm --detach=false`. On a live clock at a high speed each finishes once
# the simulated tasks converge; on a paused clock each waits until another
# terminal moves the clock, then finishes. Every client run is bounded by
# `timeout`, so a wait that never ends fails the test instead of hanging it.
. "$(dirname "$0")/lib.sh"

LIMIT=90  # seconds a client run may take (the client itself waits 5 s after convergence)

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add --count 2 >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK

cat >"$WORK/stack.yml" <<'YML'
services:
  api:
    image: nginx:1.25
    deploy:
      replicas: 2
YML

# finished NAME CMD...: runs the client to the end within LIMIT, or fails.
finished() {
  local name=$1
  shift
  if ! timeout "$LIMIT" "$DOCKER" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    fail "docker $* did not finish (exit $?)"
  fi
}

# waits NAME CMD...: starts the client in the background and checks that it is
# still waiting two seconds later (the clock is paused, nothing can converge);
# `released NAME` then moves the clock and expects it to finish.
waits() {
  local name=$1
  shift
  timeout "$LIMIT" "$DOCKER" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  WAITING=$!
  sleep 2
  if ! kill -0 "$WAITING" 2>/dev/null; then
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    fail "docker $* finished on a paused clock instead of waiting"
  fi
}
released() {
  local name=$1
  "$SWARMSIM" time advance 1m >/dev/null
  if ! wait "$WAITING"; then
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    fail "$name did not finish after the clock moved"
  fi
}

replicas() { "$SWARMSIM" service ls --filter "name=$1" --format '{{.Replicas}}'; }

# --- A live clock, 60 times the wall clock: the waits end by themselves.
"$SWARMSIM" time speed 60 >/dev/null
finished live-create service create --name web --replicas 3 nginx:1.25
grep -q "converged" "$WORK/live-create.out" || fail "service create showed no convergence: $(cat "$WORK/live-create.out")"
expect_eq "live create: replicas" "$(replicas web)" "3/3"
# At this speed the update may be complete before the client first looks, and
# then the client returns at once, as it does against a real swarm.
finished live-update service update --image nginx:1.26 web
image=$("$SWARMSIM" service inspect web --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}')
case "$image" in nginx:1.26@sha256:*) ;; *) fail "live update: image is $image" ;; esac
expect_eq "live update: state" "$("$SWARMSIM" service inspect web --format '{{.UpdateStatus.State}}')" "completed"
finished live-deploy stack deploy --detach=false -c "$WORK/stack.yml" live
grep -q "converged" "$WORK/live-deploy.out" || fail "stack deploy showed no convergence: $(cat "$WORK/live-deploy.out")"
expect_eq "live deploy: replicas" "$(replicas live_api)" "2/2"
finished live-rm stack rm --detach=false live
expect_eq "live rm: no tasks left" "$("$SWARMSIM" stack ps live 2>&1)" "nothing found in stack: live"
"$SWARMSIM" service rm web >/dev/null

# --- A paused clock: each wait lasts until the clock moves.
"$SWARMSIM" time pause >/dev/null
waits paused-create service create --name web --replicas 3 nginx:1.25
expect_eq "paused create: nothing runs yet" "$(replicas web)" "0/3"
released paused-create
expect_eq "paused create: replicas" "$(replicas web)" "3/3"
waits paused-update service update --image nginx:1.26 web
released paused-update
expect_eq "paused update: state" "$("$SWARMSIM" service inspect web --format '{{.UpdateStatus.State}}')" "completed"
waits paused-deploy stack deploy --detach=false -c "$WORK/stack.yml" paused
released paused-deploy
expect_eq "paused deploy: replicas" "$(replicas paused_api)" "2/2"
waits paused-rm stack rm --detach=false paused
released paused-rm
expect_eq "paused rm: no tasks left" "$("$SWARMSIM" stack ps paused 2>&1)" "nothing found in stack: paused"

"$SWARMSIM" replay --verify >"$WORK/replay.out" || { cat "$WORK/replay.out" >&2; fail "replay --verify"; }
echo PASS
