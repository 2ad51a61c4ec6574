#!/usr/bin/env bash
# The image-gallery lab (scenarios/image-gallery/lesson.yml) typed with the real
# docker client against swarmsim serve, on a paused clock that swarmsim moves.
# After each step the client's tables must match swarmsim's own on the same
# cluster (IDs and relative times aside).
#
# The lab's second step reserves more than the nodes hold, so where the tasks go
# depends on the order the services are created: the docker client creates a
# stack's services in an order of its own (Go map iteration), different from run
# to run, on a real swarm as here. So that step's outcome is checked against
# swarmsim's own CLI building the same lab, on a second database, in the order the
# client used (read from the first database's command log), and the facts that
# hold in every order are checked as such.
. "$(dirname "$0")/lib.sh"

LAB=$SOURCE_DIR/scenarios/image-gallery
CLIENT_DB=$SWARMSIM_STATE
CLI_DB=$WORK/cli.db

# The lab's cluster: three nodes of 2 CPUs and 2 GiB, the clock paused.
lab_cluster() {
  "$SWARMSIM" swarm init --cpus 2 --memory 2GiB >/dev/null
  "$SWARMSIM" node add --cpus 2 --memory 2GiB node2 >/dev/null
  "$SWARMSIM" node add --cpus 2 --memory 2GiB node3 >/dev/null
  "$SWARMSIM" time pause >/dev/null
}
advance() { "$SWARMSIM" time advance "$1" >/dev/null; }

lab_cluster
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK

tables() {
  same "$1 service ls" service ls -- service ls
  same "$1 stack services" stack services image-gallery -- stack services image-gallery
  same "$1 stack ps" stack ps --no-trunc image-gallery -- stack ps --no-trunc image-gallery
  same "$1 node ls" node ls -- node ls
  # One node at a time: docker 28's `node ps A B C` lists A's tasks three times
  # and B's twice (docker/cli#4155, its filter kept between nodes).
  for node in node1 node2 node3; do same "$1 node ps $node" node ps "$node" -- node ps "$node"; done
}
replicas() { "$SWARMSIM" stack services image-gallery --format '{{.Name}} {{.Replicas}}'; }
# Where each task is and why, without IDs: the same in two databases built alike.
placement() {
  "$SWARMSIM" stack ps --no-trunc image-gallery \
    --format '{{.Name}} {{.Node}} {{.DesiredState}} {{.CurrentState}} {{.Error}}' | normalize | sort
}

# 1. Limits only: the scheduler does not read them, so every task runs.
"$DOCKER" stack deploy -c "$LAB/stack.yml" image-gallery >"$WORK/deploy1.out" 2>&1
advance 1m
tables deploy
expect_eq "deploy: every task runs" "$(replicas)" "image-gallery_accesslog 3/3
image-gallery_image-gallery 2/2
image-gallery_iotd 5/5"
same "deploy: iotd's ports" service inspect image-gallery_iotd --format '{{json .Endpoint.Ports}}' -- \
  service inspect image-gallery_iotd --format '{{json .Endpoint.Ports}}'

# 2. The same numbers as reservations.
"$DOCKER" stack rm image-gallery >/dev/null
advance 1m
"$DOCKER" stack deploy -c "$LAB/reserved.yml" image-gallery >"$WORK/deploy2.out" 2>&1
advance 1m
tables reserve

# The order the client created the reserved services in, from the command log.
order=$(python3 - "$CLIENT_DB" <<'PY'
import json, sqlite3, sys
names = []
for (argv,) in sqlite3.connect(sys.argv[1]).execute("SELECT argv FROM commands ORDER BY seq"):
    a = json.loads(argv)
    if a[0] == "api" and len(a) >= 4 and a[-3] == "POST" and a[-2].endswith("/services/create"):
        names.append(json.loads(a[-1])["Name"])
print("\n".join(n.split("_", 1)[1] for n in names[-3:]))
PY
)
[ "$(printf '%s\n' "$order" | sort | tr '\n' ' ')" = "accesslog image-gallery iotd " ] ||
  fail "the command log does not show the three reserved services: $order"
echo "the client created the services in this order: $(echo $order)"

# Facts of every order: each node promises at most its 2 CPUs, and every task
# that does not run waits with the scheduler's reason.
for node in node1 node2 node3; do
  reserved=$("$DOCKER" node ps "$node" --filter desired-state=running --format '{{.Name}}' | while read -r t; do
    "$DOCKER" service inspect "${t%.*}" --format '{{.Spec.TaskTemplate.Resources.Reservations.NanoCPUs}}'
  done | awk '{s += $1} END {print s + 0}')
  [ "$reserved" -le 2000000000 ] || fail "$node promises $reserved nano-CPUs of its 2 CPUs"
done
pending=$("$SWARMSIM" stack ps --no-trunc image-gallery --filter desired-state=running --format '{{.CurrentState}}|{{.Error}}' |
  grep -v '^Running' || true)
if [ -n "$pending" ]; then
  echo "$pending" | grep -qv '^Pending .*|"no suitable node (insufficient resources on 3 nodes)"$' &&
    fail "a task neither runs nor waits for resources: $pending"
fi

# The same lab through swarmsim's own CLI, the reserved services deployed in the
# client's order (one more service per deploy), on a database of its own.
only_services() {  # only_services FILE NAME...: FILE with only those services
  python3 - "$@" <<'PY'
import sys
path, keep = sys.argv[1], set(sys.argv[2:])
out, in_services, skip = [], False, False
for line in open(path):
    body = line.rstrip("\n")
    indent = len(body) - len(body.lstrip(" "))
    if body.strip() and indent == 0:
        in_services, skip = body.startswith("services:"), False
    elif in_services and body.strip() and indent == 2:
        skip = body.strip().rstrip(":") not in keep
    if not skip:
        out.append(line)
sys.stdout.write("".join(out))
PY
}
export SWARMSIM_STATE=$CLI_DB
lab_cluster
"$SWARMSIM" stack deploy -c "$LAB/stack.yml" image-gallery >/dev/null 2>&1
advance 1m
"$SWARMSIM" stack rm image-gallery >/dev/null
advance 1m
deployed=()
for name in $order; do
  deployed+=("$name")
  only_services "$LAB/reserved.yml" "${deployed[@]}" >"$WORK/part.yml"
  "$SWARMSIM" stack deploy -c "$WORK/part.yml" image-gallery >/dev/null 2>&1
done
advance 1m
cli_replicas=$(replicas)
cli_placement=$(placement)
[ "$(printf '%s\n' "$cli_placement" | wc -l)" -eq 10 ] || fail "swarmsim's CLI run placed $cli_placement"
export SWARMSIM_STATE=$CLIENT_DB
expect_eq "reserve: replicas as swarmsim's CLI gives them in the client's order" "$(replicas)" "$cli_replicas"
expect_eq "reserve: placement as swarmsim's CLI gives it in the client's order" "$(placement)" "$cli_placement"

# 3. A node with room: the pending tasks are placed without a redeploy.
"$SWARMSIM" node add --cpus 4 --memory 4GiB node4 >/dev/null
advance 1m
tables add-node
same "add-node: node4's tasks" node ps node4 -- node ps node4
expect_eq "add-node: every task runs" "$(replicas)" "image-gallery_accesslog 3/3
image-gallery_image-gallery 2/2
image-gallery_iotd 5/5"
export SWARMSIM_STATE=$CLI_DB
"$SWARMSIM" node add --cpus 4 --memory 4GiB node4 >/dev/null
advance 1m
cli_placement=$(placement)
export SWARMSIM_STATE=$CLIENT_DB
expect_eq "add-node: placement as swarmsim's CLI gives it" "$(placement)" "$cli_placement"

"$SWARMSIM" replay --verify >"$WORK/replay.out" || { cat "$WORK/replay.out" >&2; fail "replay --verify"; }
echo PASS
