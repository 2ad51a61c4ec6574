#!/usr/bin/env python3
"""The classroom page in a real browser: Debian's chromium, headless, driven by
chromedriver over the W3C WebDriver protocol (standard library only), against
build-web/site served on 127.0.0.1.

  1. #lesson=todo-list&step=2: the first frame draws, the title reaches
     "swarmsim — 3 nodes, 2 tasks running", and a screenshot shows the board.
  2. The loopback server is stopped (nothing more can be fetched), then a console
     command typed into the page changes the cluster.
Screenshots go to build-web/test/. Exit 0 on success; on failure, 1 and why.
"""
import base64
import functools
import http.server
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SITE = os.path.join(ROOT, "build-web", "site")
OUT = os.path.join(ROOT, "build-web", "test")
WANT_TITLE = "swarmsim — 3 nodes, 2 tasks running"


# The driver in use: a failure keeps a screenshot of the page beside the others.
CURRENT = None


def fail(why):
    if CURRENT is not None and CURRENT.session:
        try:
            with open(os.path.join(OUT, "failure.png"), "wb") as f:
                f.write(base64.b64decode(CURRENT.s("GET", "/screenshot")))
            why += " (page at failure: %s)" % os.path.join(OUT, "failure.png")
        except Exception:  # noqa: BLE001 - the failure itself is the report
            pass
    print("FAIL: " + why, file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".js": "text/javascript"}

    def log_message(self, *args):
        pass


class WebDriver:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.session = None

    def call(self, method, path, body=None, timeout=120):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read())["value"]
        except urllib.error.HTTPError as e:
            value = json.loads(e.read()).get("value", {})
            raise RuntimeError("%s %s: %s" % (method, path, value.get("message", value)))

    def s(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body)

    def script(self, source, *args):
        return self.s("POST", "/execute/sync", {"script": source, "args": list(args)})


def png_pixels(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB/RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), "unexpected PNG format"
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows, bpp


def check_not_blank(path):
    """The picture has many colours and no dominant one: panels, cards and text drawn."""
    with open(path, "rb") as f:
        w, h, rows, bpp = png_pixels(f.read())
    counts = {}
    for y in range(0, h, 2):
        row = rows[y]
        for x in range(0, w, 2):
            px = row[x * bpp:x * bpp + 3]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    top = max(counts.values())
    if len(counts) < 50 or top > 0.97 * total:
        fail("%s looks blank: %d colours, the commonest covers %.1f%%" % (path, len(counts), 100.0 * top / total))
    return len(counts)


def wait_for(what, probe, seconds):
    deadline = time.time() + seconds
    last = None
    while time.time() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(0.25)
    fail("%s (after %ds; last seen: %r)" % (what, seconds, last))


def main():
    if not os.path.exists(os.path.join(SITE, "index.html")):
        fail("no %s/index.html: run script/build-web" % SITE)
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        fail("chromium and chromedriver are needed (script/bootstrap installs them)")
    os.makedirs(OUT, exist_ok=True)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=SITE))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = "http://127.0.0.1:%d/index.html" % server.server_address[1]

    port = free_port()
    log = open(os.path.join(OUT, "chromedriver.log"), "w")
    proc = subprocess.Popen([driver, "--port=%d" % port], stdout=log, stderr=subprocess.STDOUT)
    profile = tempfile.mkdtemp(prefix="swarmsim-chromium-")
    wd = WebDriver(port)
    global CURRENT
    CURRENT = wd
    try:
        wait_for("chromedriver did not start", lambda: _ready(wd), 20)
        try:
            caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": [
                "--headless", "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
                "--window-size=1280,800", "--user-data-dir=" + profile]}}
            wd.session = wd.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]
        except Exception as e:  # noqa: BLE001 - the reason is the report
            fail("chromium cannot start: %s" % e)

        started = time.time()
        wd.s("POST", "/url", {"url": site + "#lesson=todo-list&step=2"})
        summary = lambda: wd.script("return window.swarmsim && Module.calledRun ? window.swarmsim.summary() : null")
        first = wait_for("no first frame", lambda: (summary() or {}).get("first_frame_ms", -1) >= 0 and summary(), 60)
        print("first frame: %.0f ms after navigation (page load took %.1f s of wall time)"
              % (first["first_frame_ms"], time.time() - started))
        wait_for("the title never read %r" % WANT_TITLE, lambda: wd.script("return document.title") == WANT_TITLE, 60)
        lesson_png = os.path.join(OUT, "lesson-step-2.png")
        time.sleep(1)  # a few frames with the lesson panel settled
        with open(lesson_png, "wb") as f:
            f.write(base64.b64decode(wd.s("GET", "/screenshot")))
        colours = check_not_blank(lesson_png)
        print("title: %s; screenshot %s (%d colours)" % (WANT_TITLE, lesson_png, colours))

        # A reload keeps the cluster (IndexedDB), not the link's scene: the page
        # dropped the fragment once it had built the scene.
        if "#" in wd.s("GET", "/url"):
            fail("the scene's fragment stayed in the URL: a reload would rebuild it")
        wd.s("POST", "/refresh", {})
        wait_for("after a reload the title is no longer %r" % WANT_TITLE,
                 lambda: (summary() or {}).get("loaded") and wd.script("return document.title") == WANT_TITLE, 60)
        print("reloaded: the same cluster from the browser's storage")

        # Offline from here: everything the page needs was in its three files.
        server.shutdown()
        server.server_close()
        s = summary()
        x, y = s["console_input"]
        if x <= 0 or y <= 0:
            fail("the console's input line was not drawn: %r" % s)
        before = s["tasks"]
        type_line(wd, "service scale todo_todo-web=4")
        after = wait_for("the typed command did not change the cluster",
                         lambda: (lambda t: t if t["tasks"] > before else None)(summary()), 30)
        type_line(wd, "time advance 30s")
        wait_for("4 tasks never ran", lambda: wd.script("return document.title") == "swarmsim — 3 nodes, 4 tasks running", 30)
        console_png = os.path.join(OUT, "console-scale.png")
        time.sleep(1)
        with open(console_png, "wb") as f:
            f.write(base64.b64decode(wd.s("GET", "/screenshot")))
        check_not_blank(console_png)
        print("typed 'service scale todo_todo-web=4' offline: tasks %d -> %d, title %r; screenshot %s"
              % (before, after["tasks"], wd.script("return document.title"), console_png))

        # Open a compose file through the toolbar's file input: it opens in the
        # editor, and Deploy runs `stack deploy -c` on it.
        compose = os.path.join(profile, "hello.yml")
        with open(compose, "w") as f:
            f.write("services:\n  hello:\n    image: nginx:1.25\n    deploy:\n      replicas: 3\n")
        services = summary()["services"]
        file_input = wd.s("POST", "/element", {"using": "css selector", "value": "#file"})[ELEMENT]
        wd.s("POST", "/element/%s/value" % file_input, {"text": compose})
        wait_for("the opened compose file is not in the editor",
                 lambda: wd.script("return document.getElementById('editor').open && "
                                   "document.getElementById('editor-text').value.includes('replicas: 3')"), 10)
        deploy = wd.s("POST", "/element", {"using": "css selector", "value": "#editor-deploy"})[ELEMENT]
        wd.s("POST", "/element/%s/click" % deploy, {})
        wait_for("Deploy did not add the stack's service",
                 lambda: summary()["services"] == services + 1, 20)
        print("opened hello.yml and deployed it from the editor: %d -> %d services" % (services, services + 1))

        # Save gives the database file swarmsim load reads; opening it puts that
        # cluster back after a Reset.
        saved = wd.script("var d = FS.readFile(Module.ccall('swarmsim_state_path', 'string', [], []));"
                          "FS.writeFile('/saved-copy.db', d);"
                          "return String.fromCharCode.apply(null, d.subarray(0, 15));")
        if saved != "SQLite format 3":
            fail("the saved database does not start with SQLite's header: %r" % saved)
        before_reset = summary()
        wd.script("window.confirm = function () { return true; }")
        reset = wd.s("POST", "/element", {"using": "css selector", "value": "#reset"})[ELEMENT]
        wd.s("POST", "/element/%s/click" % reset, {})
        wait_for("Reset did not start over from the default preset",
                 lambda: (lambda t: t["services"] == 0 and t["nodes"] == 3 and t)(summary()), 20)
        kind = wd.script("return Module.ccall('swarmsim_open_file', 'string', ['string'], ['/saved-copy.db'])")
        wait_for("opening the saved database did not bring its cluster back",
                 lambda: kind == "database" and summary()["services"] == before_reset["services"], 20)
        print("Save, Reset, Open: %d services back" % before_reset["services"])

        # The other links, on a new server (a new origin: storage of its own).
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=SITE))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        site = "http://127.0.0.1:%d/index.html" % server.server_address[1]
        wd.s("POST", "/url", {"url": site + "#preset=three-managers-two-workers&lang=ko"})
        wait_for("#preset did not build the preset's five nodes",
                 lambda: (lambda t: t and t["loaded"] and t["nodes"] == 5 and t)(summary()), 60)
        if wd.script("return document.getElementById('open').textContent") != "열기":
            fail("#lang=ko did not put the toolbar in Korean")
        stack = "services:\n  web:\n    image: nginx:1.25\n    deploy:\n      replicas: 2\n"
        wd.s("POST", "/url", {"url": "about:blank"})
        wd.s("POST", "/url", {"url": site + "#stack=" + urllib.parse.quote(stack) + "&name=demo"})
        wait_for("#stack did not deploy a running stack on the live clock",
                 lambda: wd.script("return document.title") == "swarmsim — 3 nodes, 2 tasks running", 90)
        print("#preset (5 nodes, Korean toolbar) and #stack (2 tasks running on the live clock) open their scenes")
        server.shutdown()
        server.server_close()
    finally:
        if wd.session:
            try:
                wd.s("DELETE", "")
            except Exception:  # noqa: BLE001
                pass
        proc.terminate()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print("PASS")


ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def type_line(wd, text):
    """Clicks the console's input line, types `text` and Enter. Buttons and Enter are
    held for a few frames: ImGui samples them as state once per frame."""
    x, y = wd.script("return window.swarmsim.summary().console_input")
    canvas = _canvas(wd)
    rect = wd.s("GET", "/element/%s/rect" % canvas)
    wd.s("POST", "/actions", {"actions": [
        {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "origin": {ELEMENT: canvas},
             "x": int(x - rect["width"] / 2), "y": int(y - rect["height"] / 2)},
            {"type": "pointerDown", "button": 0}, {"type": "pause", "duration": 150},
            {"type": "pointerUp", "button": 0}, {"type": "pause", "duration": 150}]}]})
    keys = [a for ch in text for a in ({"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch})]
    keys += [{"type": "pause", "duration": 100}, {"type": "keyDown", "value": "\ue007"},
             {"type": "pause", "duration": 200}, {"type": "keyUp", "value": "\ue007"}]
    wd.s("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": keys}]})


def _ready(wd):
    try:
        return wd.call("GET", "/status", timeout=2).get("ready")
    except Exception:  # noqa: BLE001
        return False


def _canvas(wd):
    return wd.s("POST", "/element", {"using": "css selector", "value": "#canvas"})[ELEMENT]


if __name__ == "__main__":
    main()
