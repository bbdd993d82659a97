#!/usr/bin/env python3
"""Measures save-to-reload latency of `steckbrief serve`.

Starts `serve` on a copy of a content folder, listens on the live-reload event stream, edits one
profile N times and reports the time from each save to the `reload` event that makes the browser
reload (the rebuilt page is being served at that moment).

usage: scripts/serve-latency.py BINARY CONTENT_ROOT [EDITS]
"""
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def main():
    binary, source = sys.argv[1], Path(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    work = Path(tempfile.mkdtemp())
    root = work / "site"
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("target", "public", "node_modules", ".git"))
    server = subprocess.Popen([binary, "serve", "--port", "0", "--root", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline()).group(1))
        events = []
        ready = threading.Event()

        def listen():
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", "/__steckbrief/events")
            response = connection.getresponse()
            ready.set()
            for line in response:
                if line.startswith(b"event: reload"):
                    events.append(time.perf_counter())

        threading.Thread(target=listen, daemon=True).start()
        ready.wait(10)
        profile = sorted((root / "actors").glob("*/profile.yaml"))[0]
        original = profile.read_text()
        latencies = []
        for i in range(edits):
            before = len(events)
            started = time.perf_counter()
            profile.write_text(original.replace("summary: ", f"summary: ({i}) ", 1))
            while len(events) == before and time.perf_counter() - started < 30:
                time.sleep(0.001)
            latencies.append((events[-1] - started) * 1000)
            time.sleep(0.3)
        actors = len(list((root / "actors").glob("*/profile.yaml")))
        print(f"{actors} actors: save-to-reload median {statistics.median(latencies):.0f} ms, "
              f"min {min(latencies):.0f} ms, max {max(latencies):.0f} ms over {edits} saves")
    finally:
        server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
