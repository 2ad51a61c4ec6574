#!/usr/bin/env bash
# Inspect templates through the real docker client and through swarmsim's own CLI
# print the same: docker runs them over its typed Go structs (times, durations,
# file modes and bytes print through Go's fmt), and `info --format` over its info
# struct. Also what `network ls` lists.
. "$(dirname "$0")/lib.sh"

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" time pause >/dev/null
echo hello >"$WORK/greeting.txt"
"$SWARMSIM" config create greeting "$WORK/greeting.txt" >/dev/null
"$SWARMSIM" secret create token "$WORK/greeting.txt" >/dev/null
"$SWARMSIM" service create -d --name web --replicas 2 --update-delay 10s --restart-delay 3s \
  --stop-grace-period 20s --health-cmd true --health-interval 30s --secret source=token,mode=0400 \
  --config greeting nginx:1.25 >/dev/null
"$SWARMSIM" time advance 10s >/dev/null
"$SWARMSIM" service update -d --image nginx:1.26 web >/dev/null
"$SWARMSIM" time advance 1m >/dev/null
"$SWARMSIM" network create -d overlay backend >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"
export DOCKER_HOST=unix://$SOCK

same() {  # same COMMAND... : stdout, stderr and exit code agree
  local mine theirs
  mine=$("$SWARMSIM" "$@" 2>"$WORK/mine.err"; echo "exit $?")
  theirs=$("$DOCKER" "$@" 2>"$WORK/theirs.err"; echo "exit $?")
  expect_eq "$*" "$theirs" "$mine"
  expect_eq "$* (stderr)" "$(cat "$WORK/theirs.err")" "$(cat "$WORK/mine.err")"
}

same service inspect --format '{{.CreatedAt}} | {{.UpdatedAt}} | {{.UpdateStatus.StartedAt}}' web
same service inspect --format '{{.Spec.UpdateConfig.Delay}} {{.Spec.UpdateConfig.Monitor}} {{.Spec.RollbackConfig.Monitor}} {{.Spec.TaskTemplate.RestartPolicy.Delay}} {{.Spec.TaskTemplate.ContainerSpec.StopGracePeriod}} {{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Interval}}' web
same service inspect --format '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.File.Mode}} {{end}}{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.File.Mode}}{{end}}' web
same service inspect --format '{{print .CreatedAt .Spec.UpdateConfig.Delay}}|{{printf "%v|%s" .CreatedAt .Spec.UpdateConfig.Delay}}|{{json .CreatedAt}}' web
same service inspect --format '{{json .}}' web
same node inspect --format '{{.CreatedAt}} {{.UpdatedAt}}' self
same config inspect --format '{{.CreatedAt}} {{.Spec.Data}}' greeting
same secret inspect --format '{{.CreatedAt}} {{.UpdatedAt}}' token
same network inspect --format '{{.Created}}' backend
same network inspect --format '{{json .}}' backend
same info --format '{{.Swarm.Cluster.CreatedAt}} {{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}} {{.Swarm.Cluster.Spec.CAConfig.NodeCertExpiry}} {{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'
same info --format '{{.ClientInfo.Version}} {{.ClientInfo.DefaultAPIVersion}} {{.ClientInfo.Context}}'
same info --format '{{.Nope}}'
same info --format '{{.Swarm'
# Every node's daemon has docker's predefined networks beside the swarm's.
same network ls
same network ls --filter type=builtin --format '{{.Name}} {{.Driver}} {{.Scope}}'
same network inspect bridge docker_gwbridge host none
# (docker 28 then adds "exit status 1" on a line of its own; swarmsim does not.)
expect_eq "network rm bridge" "$("$DOCKER" network rm bridge 2>&1 | head -1)" "$("$SWARMSIM" network rm bridge 2>&1)"
echo "PASS"
