#!/usr/bin/env bash
# The todo-list walkthrough v1 to v6 typed with the real docker client against
# swarmsim serve, on a paused clock that swarmsim moves. After each step the
# client's tables must match swarmsim's own on the same cluster, relative times
# aside (the client measures them against the wall clock, swarmsim against
# virtual time) and column padding aside (it follows the cell widths).
. "$(dirname "$0")/lib.sh"

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add --count 2 >/dev/null
"$SWARMSIM" time pause >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK
cd "$SOURCE_DIR"

tables() {
  same "$1 service ls" service ls -- service ls
  same "$1 stack ps" stack ps todo -- stack ps todo
  same "$1 node ls" node ls -- node ls
  same "$1 stack services" stack services todo -- stack services todo
}

advance() { "$SWARMSIM" time advance "$1" >/dev/null; }

"$DOCKER" stack deploy -c scenarios/todo-list/v1.yml todo >/dev/null 2>&1
advance 30s
tables v1
"$DOCKER" stack deploy -c scenarios/todo-list/v2.yml todo >/dev/null 2>&1
advance 30s
tables v2
expect_eq "v2 replicas" "$("$DOCKER" service ls --format '{{.Replicas}}')" "2/2"

"$DOCKER" config create todo-list-config scenarios/todo-list/configs/config.json >/dev/null
same "config ls" config ls -- config ls
"$DOCKER" stack deploy -c scenarios/todo-list/v3.yml todo >/dev/null 2>&1
advance 30s
tables v3
same "v3 logs" service logs --tail 2 todo_todo-web -- service logs --tail 2 todo_todo-web

"$DOCKER" secret create todo-list-secret scenarios/todo-list/secrets/secrets.json >/dev/null
"$DOCKER" stack deploy -c scenarios/todo-list/v4.yml todo >/dev/null 2>&1
advance 30s
tables v4
task=$("$DOCKER" ps -q --filter name=todo_todo-web.1 | head -1)
if [ -n "$task" ]; then
  expect_eq "exec reads the mounted secret" "$("$DOCKER" exec "$task" cat /app/config/secrets.json)" \
    "$("$SWARMSIM" exec todo_todo-web.1 cat /app/config/secrets.json)"
else
  # todo-web runs on another node: ask that node's engine.
  node=$("$SWARMSIM" service ps todo_todo-web --filter desired-state=running --format '{{.Node}}')
  start_serve "$WORK/$node.sock" --node "$node"
  task=$("$DOCKER" -H "unix://$WORK/$node.sock" ps -q --filter name=todo_todo-web.1 | head -1)
  [ -n "$task" ] || fail "docker ps on $node shows no todo_todo-web.1 container"
  expect_eq "exec reads the mounted secret" "$("$DOCKER" -H "unix://$WORK/$node.sock" exec "$task" cat /app/config/secrets.json)" \
    "$("$SWARMSIM" exec todo_todo-web.1 cat /app/config/secrets.json)"
fi
"$SWARMSIM" curl -d item=milk http://localhost:8080/ >/dev/null

"$DOCKER" stack deploy -c scenarios/todo-list/v5.yml todo >/dev/null 2>&1
advance 10s
tables v5-pending
"$DOCKER" node update --label-add storage=raid node2 >/dev/null
advance 30s
tables v5
same "v5 db tasks" service ps todo_todo-db -- service ps todo_todo-db
"$SWARMSIM" curl -d item=bread http://localhost:8080/ >/dev/null

"$DOCKER" stack deploy -c scenarios/todo-list/v6.yml todo >/dev/null 2>&1
advance 30s
tables v6
"$DOCKER" node update --label-add storage=raid node3 >/dev/null
"$DOCKER" node update --availability drain node2 >/dev/null
advance 30s
tables v6-drained
same "v6 db tasks" service ps todo_todo-db -- service ps todo_todo-db
"$DOCKER" node update --availability active node2 >/dev/null

"$DOCKER" stack rm todo >/dev/null
advance 30s
same "after rm" service ls -- service ls
same "configs kept" config ls -- config ls
same "secrets kept" secret ls -- secret ls
"$SWARMSIM" replay --verify >/dev/null || fail "replay --verify after the walkthrough"
echo PASS
