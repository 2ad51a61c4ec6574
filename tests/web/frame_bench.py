#!/usr/bin/env python3
"""Frame times of the classroom page in headless Chromium (software GL, SwiftShader),
for docs/performance.md; a benchmark, never run by script/test.

Builds 30 nodes with six services of 100 replicas (600 tasks) through the page's
console hook, lets them run, then samples the page's own frame statistics
(window.swarmsim.summary(): the C++ frame's time, and the time from one drawn frame
to the next) while the clock runs. Also reports the first frame's time after
navigation and the site's size, plain and gzipped.

  tests/web/frame_bench.py [SECONDS]
"""
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test as bt  # noqa: E402


def site_sizes():
    plain = packed = 0
    for name in sorted(os.listdir(bt.SITE)):
        with open(os.path.join(bt.SITE, name), "rb") as f:
            data = f.read()
        z = len(gzip.compress(data, 9))
        print("  %-12s %9d bytes, %9d gzipped" % (name, len(data), z))
        plain += len(data)
        packed += z
    print("site: %.2f MB, %.2f MB gzipped" % (plain / 1e6, packed / 1e6))


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    site_sizes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(bt.Quiet, directory=bt.SITE))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/index.html" % server.server_address[1]
    port = bt.free_port()
    proc = subprocess.Popen([shutil.which("chromedriver"), "--port=%d" % port],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="swarmsim-bench-")
    wd = bt.WebDriver(port)
    try:
        bt.wait_for("chromedriver did not start", lambda: bt._ready(wd), 20)
        caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": shutil.which("chromium"), "args": [
            "--headless", "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
            "--window-size=1600,932", "--user-data-dir=" + profile]}}
        wd.session = wd.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]
        summary = lambda: wd.script("return window.swarmsim && Module.calledRun ? window.swarmsim.summary() : null")
        for label, fragment in (("empty page (default preset)", ""), ("lesson todo-list step 2", "#lesson=todo-list&step=2")):
            wd.s("POST", "/url", {"url": "about:blank"})
            wd.s("POST", "/url", {"url": url + fragment})
            first = bt.wait_for("no first frame", lambda: (summary() or {}).get("first_frame_ms", -1) >= 0 and summary(), 60)
            print("%s: first frame %.0f ms after navigation" % (label, first["first_frame_ms"]))
        for line in ["time pause", "node add --count 27"] + [
                "service create --name s%d --replicas 100 --reserve-memory 10M nginx:1.25" % i for i in range(6)] + [
                "time advance 2m", "time resume"]:
            wd.script("window.swarmsim.run(arguments[0])", line)
        s = summary()
        print("cluster: %d nodes, %d tasks, %d running" % (s["nodes"], s["tasks"], s["running"]))
        time.sleep(2)
        wd.script("window.swarmsim.resetFrameStats()")
        time.sleep(seconds)
        s = summary()
        print("30 nodes / 600 tasks, clock running, %d frames in %.0f s: C++ frame mean %.2f ms (worst %.2f), "
              "frame to frame mean %.2f ms (worst %.2f)" % (s["frames"], seconds, s["step_ms_mean"], s["step_ms_worst"],
                                                           s["frame_interval_ms_mean"], s["frame_interval_ms_worst"]))
    finally:
        if wd.session:
            wd.s("DELETE", "")
        proc.terminate()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
        server.shutdown()


if __name__ == "__main__":
    main()
