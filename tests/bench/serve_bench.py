#!/usr/bin/env python3
"""Benchmark of `swarmsim serve` (numbers go to docs/performance.md; not run by ctest).

Usage: tests/bench/serve_bench.py BUILD/bin/swarmsim [--nodes N --replicas R] [--live]

Builds a cluster (the manager plus N-1 nodes, one service of R replicas, all
running; the clock paused, or running again with --live), starts `swarmsim serve`
on a unix socket in a temporary directory, then measures on loopback only:
  - the round trip of `docker service ls` with the real client (median of 5);
  - 1,000 sequential API requests on one kept-alive connection (a mix the client
    sends: _ping, info, services?status=true, tasks of one service, nodes), with
    p50 and p99 of the time from sending a request to its last byte;
  - the server's peak resident memory (VmHWM).
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time

def request(sock, f, target):
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n".encode())
    status = f.readline()
    length = 0
    while True:
        line = f.readline()
        if line in (b"\r\n", b""):
            break
        k, _, v = line.decode().partition(":")
        if k.lower() == "content-length":
            length = int(v)
    body = f.read(length)
    assert status.split()[1] == b"200", (target, status, body[:200])
    return body

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("swarmsim")
    ap.add_argument("--nodes", type=int, default=3)
    ap.add_argument("--replicas", type=int, default=6)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--live", action="store_true", help="resume the clock before serving")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="swarmsim-serve-bench-")
    env = dict(os.environ, SWARMSIM_STATE=os.path.join(work, "cluster.db"), SWARMSIM_SEED="42", HOME=work)
    run = lambda *args: subprocess.run([a.swarmsim, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    run("swarm", "init")
    if a.nodes > 1:
        run("node", "add", "--count", str(a.nodes - 1))
    run("time", "pause")
    run("service", "create", "--name", "web", "--replicas", str(a.replicas), "nginx:1.25")
    run("time", "advance", "2m")
    if a.live:
        run("time", "resume")
    sock_path = os.path.join(work, "docker.sock")
    server = subprocess.Popen([a.swarmsim, "serve", "-H", "unix://" + sock_path], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        server.stdout.readline(); server.stdout.readline()
        denv = dict(env, DOCKER_HOST="unix://" + sock_path)
        docker = shutil.which("docker")
        rounds = []
        if docker:
            for _ in range(5):
                t0 = time.perf_counter()
                subprocess.run([docker, "service", "ls"], env=denv, check=True, stdout=subprocess.DEVNULL)
                rounds.append(time.perf_counter() - t0)
        s = socket.socket(socket.AF_UNIX)
        s.connect(sock_path)
        f = s.makefile("rb")
        service_id = json.loads(request(s, f, "/v1.50/services"))[0]["ID"]
        mix = ["/_ping", "/v1.50/info", "/v1.50/services?status=true",
               "/v1.50/tasks?filters=%7B%22service%22%3A%7B%22" + service_id + "%22%3Atrue%7D%7D", "/v1.50/nodes"]
        times = {t: [] for t in mix}
        for i in range(a.requests):
            t = mix[i % len(mix)]
            t0 = time.perf_counter()
            request(s, f, t)
            times[t].append(time.perf_counter() - t0)
        all_times = sorted(x for v in times.values() for x in v)
        pct = lambda v, p: sorted(v)[min(len(v) - 1, int(len(v) * p))] * 1000
        with open(f"/proc/{server.pid}/status") as st:
            hwm = next(l for l in st if l.startswith("VmHWM")).split()[1]
        print(f"cluster: {a.nodes} nodes, {a.replicas} tasks, clock {'live' if a.live else 'paused'}")
        if rounds:
            print(f"docker service ls round trip: median {statistics.median(rounds)*1000:.0f} ms "
                  f"(min {min(rounds)*1000:.0f}, max {max(rounds)*1000:.0f})")
        print(f"{a.requests} sequential requests: p50 {pct(all_times, 0.5):.2f} ms, p99 {pct(all_times, 0.99):.2f} ms")
        for t, v in times.items():
            print(f"  {t.split('?')[0]:<20} p50 {pct(v, 0.5):8.2f} ms  p99 {pct(v, 0.99):8.2f} ms")
        print(f"serve peak memory (VmHWM): {int(hwm)/1024:.0f} MiB")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
