#!/usr/bin/env bash
# The Docker SDK for Python (Debian's python3-docker) against swarmsim serve: the
# same endpoint serves tools other than the docker CLI.
export DOCKER=${DOCKER:-skip-docker-check}
. "$(dirname "$0")/lib.sh"
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import docker' 2>/dev/null; then
  echo "SKIPPED: python3-docker is not installed (script/bootstrap installs it)"
  exit 77
fi

"$SWARMSIM" swarm init >/dev/null
"$SWARMSIM" node add --count 2 >/dev/null
"$SWARMSIM" time pause >/dev/null
SOCK=$WORK/docker.sock
start_serve "$SOCK"

"$PYTHON" - "$SOCK" "$SWARMSIM" <<'PY'
import subprocess, sys
import docker

sock, swarmsim = sys.argv[1], sys.argv[2]
client = docker.DockerClient(base_url="unix://" + sock)
assert client.ping()
info = client.info()
assert info["Swarm"]["LocalNodeState"] == "active", info["Swarm"]
assert sorted(n.attrs["Description"]["Hostname"] for n in client.nodes.list()) == ["node1", "node2", "node3"]

secret = client.secrets.create(name="api-key", data=b"s3cr3t-value")
assert "Data" not in client.secrets.get(secret.id).attrs["Spec"]
config = client.configs.create(name="app-config", data=b'{"a":1}')
assert client.configs.get("app-config").id == config.id

service = client.services.create("nginx:1.25", name="web", mode=docker.types.ServiceMode("replicated", replicas=3))
subprocess.run([swarmsim, "time", "advance", "30s"], check=True, stdout=subprocess.DEVNULL)
tasks = service.tasks()
assert len(tasks) == 3, tasks
assert all(t["Status"]["State"] == "running" for t in tasks), [t["Status"]["State"] for t in tasks]
service.scale(5)
subprocess.run([swarmsim, "time", "advance", "30s"], check=True, stdout=subprocess.DEVNULL)
service.reload()
assert service.attrs["Spec"]["Mode"]["Replicated"]["Replicas"] == 5
running = [t for t in service.tasks() if t["Status"]["State"] == "running"]
assert len(running) == 5, len(running)

try:
    client.services.get("nosuch")
    raise SystemExit("a missing service was found")
except docker.errors.NotFound as e:
    assert "service nosuch not found" in str(e), str(e)

service.remove()
assert client.services.list() == []
print("PASS")
PY
"$SWARMSIM" replay --verify >/dev/null || fail "replay --verify after the SDK session"
