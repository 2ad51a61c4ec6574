#!/usr/bin/env bash
# Issue 12's must-be-true lines, with the real docker client against swarmsim serve.
. "$(dirname "$0")/lib.sh"

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add --count 2 >/dev/null
"$SWARMSIM" time pause >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK

expect_eq "docker info swarm state" "$("$DOCKER" info --format '{{.Swarm.LocalNodeState}}')" "active"

nodes=$("$DOCKER" node ls --format '{{.Hostname}} {{.Status}} {{.ManagerStatus}}')
expect_eq "docker node ls" "$nodes" "node1 Ready Leader
node2 Ready 
node3 Ready "

printf '{"Logging":{"LogLevel":{"Default":"Warning"}}}\n' >"$WORK/config.json"
printf '{"ConnectionStrings":{"ToDoDb":"TOP-SECRET-CONNECTION"}}\n' >"$WORK/secrets.json"
"$DOCKER" config create todo-list-config "$WORK/config.json" >"$WORK/config.id"
"$DOCKER" secret create todo-list-secret "$WORK/secrets.json" >"$WORK/secret.id"
[ "$(wc -c <"$WORK/secret.id")" -eq 26 ] || fail "secret create printed $(cat "$WORK/secret.id")"
inspect=$("$DOCKER" secret inspect todo-list-secret 2>&1)
pretty=$("$DOCKER" secret inspect --pretty todo-list-secret 2>&1)
ls_out=$("$DOCKER" secret ls 2>&1)
case "$inspect$pretty$ls_out" in
  *TOP-SECRET*|*eyJDb25uZWN0aW9u*) fail "the secret's data appears in the client's output" ;;
esac
expect_eq "secret inspect name" "$("$DOCKER" secret inspect --format '{{.Spec.Name}}' todo-list-secret)" "todo-list-secret"
expect_eq "config inspect data" "$("$DOCKER" config inspect --format '{{printf "%s" .Spec.Data}}' todo-list-config)" \
  '{"Logging":{"LogLevel":{"Default":"Warning"}}}'

"$DOCKER" stack deploy -c "$SOURCE_DIR/scenarios/todo-list/v1.yml" todo >"$WORK/deploy.out" 2>"$WORK/deploy.err"
expect_eq "stack deploy" "$(cat "$WORK/deploy.out")" "Creating network todo_default
Creating service todo_todo-web"
"$SWARMSIM" time advance 30s >/dev/null
expect_eq "service ls after 30s" "$("$DOCKER" service ls --format '{{.Name}} {{.Replicas}}')" "todo_todo-web 1/1"

# The same cluster through swarmsim's own CLI.
expect_eq "swarmsim sees the service" "$("$SWARMSIM" service ls --format '{{.Name}} {{.Replicas}}')" "todo_todo-web 1/1"

"$DOCKER" stack rm todo >"$WORK/rm.out"
expect_eq "stack rm" "$(cat "$WORK/rm.out")" "Removing service todo_todo-web
Removing network todo_default"
expect_eq "no services left" "$("$DOCKER" service ls -q)" ""

"$SWARMSIM" replay --verify >"$WORK/replay.out" || { cat "$WORK/replay.out" >&2; fail "replay --verify"; }

# A node's own engine: node2's volumes, not node1's.
"$SWARMSIM" node update --label-add storage=raid node2 >/dev/null
"$DOCKER" stack deploy -c "$SOURCE_DIR/scenarios/todo-list/v6.yml" todo >/dev/null 2>&1
"$SWARMSIM" time advance 60s >/dev/null
start_serve "$WORK/node2.sock" --node node2
node2_volumes=$("$DOCKER" -H "unix://$WORK/node2.sock" volume ls -q)
node1_volumes=$("$DOCKER" volume ls -q)
swarmsim_node2=$("$SWARMSIM" volume ls --filter node=node2 -q | sort -u)
swarmsim_node1=$("$SWARMSIM" volume ls --filter node=node1 -q | sort -u)
expect_eq "node2's volumes" "$node2_volumes" "$swarmsim_node2"
expect_eq "node1's volumes" "$node1_volumes" "$swarmsim_node1"
[ "$node2_volumes" != "$node1_volumes" ] || fail "node1 and node2 show the same volumes: $node1_volumes"
# docker volume create against node2's engine makes node2's volume only.
expect_eq "volume create on node2" "$("$DOCKER" -H "unix://$WORK/node2.sock" volume create lab-data)" "lab-data"
expect_eq "node2 has it" "$("$SWARMSIM" volume ls --filter node=node2 --filter name=lab-data -q)" "lab-data"
expect_eq "node1 has not" "$("$SWARMSIM" volume ls --filter node=node1 --filter name=lab-data -q)" ""
"$SWARMSIM" replay --verify >"$WORK/replay2.out" || { cat "$WORK/replay2.out" >&2; fail "replay --verify after volume create"; }

# Loopback only.
if "$SWARMSIM" serve -H tcp://0.0.0.0:2375 >"$WORK/tcp.out" 2>"$WORK/tcp.err"; then
  fail "serve on 0.0.0.0 succeeded"
fi
grep -q "loopback only" "$WORK/tcp.err" || fail "no clear message for 0.0.0.0: $(cat "$WORK/tcp.err")"

# Invalid JSON: 400 with a JSON message, and the next request is answered.
python3 - "$SOCK" <<'PY'
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
body = b'{"Name": "broken", '
s.sendall(b"POST /v1.47/services/create HTTP/1.1\r\nHost: api.moby.localhost\r\nContent-Type: application/json\r\n"
          b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
s.sendall(b"GET /v1.47/_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n")
f = s.makefile("rb")
status = f.readline().split()
headers = {}
while True:
    line = f.readline().strip()
    if not line:
        break
    k, v = line.decode().split(": ", 1)
    headers[k.lower()] = v
payload = f.read(int(headers["content-length"]))
assert status[1] == b"400", status
assert headers["content-type"] == "application/json", headers
assert "message" in json.loads(payload), payload
status2 = f.readline().split()
assert status2[1] == b"200", status2
PY
echo "PASS"
