#!/usr/bin/env bash
# `swarmsim lesson run NAME --client docker`: every lesson, its docker forms typed by
# the real docker client against the lesson's own serve, and every check holds.
. "$(dirname "$0")/lib.sh"
export SWARMSIM_WALL_CLOCK=2026-01-05T09:00:00Z
# image-gallery is left out: its resource step depends on the order the services
# are created, and the docker client creates a stack's services in random order
# (Go map iteration), so on a real swarm too its outcome varies from run to run.
for lesson in todo-list rolling-updates; do
  if ! "$SWARMSIM" --state "$WORK/$lesson.db" lesson run "$lesson" --auto --lang en --client docker \
      >"$WORK/$lesson.out" 2>&1; then
    tail -40 "$WORK/$lesson.out" >&2
    fail "lesson $lesson through the docker client"
  fi
done
# Without a docker client the run is refused with a clear message.
if PATH=/nonexistent "$SWARMSIM" --state "$WORK/none.db" lesson run todo-list --auto --client docker \
    >"$WORK/none.out" 2>&1; then
  fail "--client docker without a docker client succeeded"
fi
grep -q "real docker client, and there is none on PATH" "$WORK/none.out" || fail "no clear refusal: $(cat "$WORK/none.out")"
echo PASS
