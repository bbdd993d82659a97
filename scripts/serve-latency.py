#!/usr/bin/env python3
"""Measures save-to-reload latency of `steckbrief serve`, for one binary or several interleaved.

Starts `serve` of each binary on its own copy of a content folder, listens on its live-reload
event stream, and saves the `summary` line of one profile (the middle one in path order) EDITS
times per binary, taking turns between the binaries so that a loaded machine weighs on all of
them alike. Per save: the time from the save to the `reload` event (the rebuilt page is being
served from then on), to the edited page fetched over HTTP with the edit in it, and the server's
CPU time (user + sys, in the kernel's 10 ms ticks) over that span. Reports median, min and max
per binary, its peak memory and the last rebuild lines it logged.

usage: scripts/serve-latency.py [--edits N] [--work DIR] CONTENT_ROOT BINARY [BINARY ...]
A BINARY may be written NAME=PATH to name it in the report (before=/tmp/old-steckbrief).
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def peak_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


class Server:
    """One `serve` on its own copy of the content, with its event stream and measurements."""

    def __init__(self, name, binary, source, work):
        self.name = name
        self.root = Path(tempfile.mkdtemp(dir=work)) / "site"
        shutil.copytree(source, self.root,
                        ignore=shutil.ignore_patterns("target", "public", "node_modules", ".git"))
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            [binary, "serve", "--port", "0", "--root", str(self.root)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
            env=dict(os.environ, NO_COLOR="1"))
        line = self.proc.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit(f"{name}: serve printed {line!r}")
        self.first_build = time.perf_counter() - started
        self.port = int(match.group(1))
        self.log = []
        threading.Thread(target=self.read_log, daemon=True).start()
        self.events = []
        ready = threading.Event()
        threading.Thread(target=self.listen, args=(ready,), daemon=True).start()
        if not ready.wait(60):
            raise SystemExit(f"{name}: no event stream")
        profiles = sorted((self.root / "actors").rglob("profile.yaml"))
        self.profile = profiles[len(profiles) // 2]
        self.slug = self.profile.parent.name
        self.original = self.profile.read_text(encoding="utf-8")
        self.summary = re.search(r"^(\s*summary:\s*)(\S)", self.original, re.M)
        if not self.summary or self.summary.group(2) in "|>":
            raise SystemExit(f"no one-line summary in {self.profile}")
        self.reload_ms, self.page_ms, self.cpu_ms, self.missing = [], [], [], 0

    def read_log(self):
        for line in self.proc.stdout:
            self.log.append(line.rstrip())

    def listen(self, ready):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=None)
        connection.request("GET", "/__steckbrief/events")
        response = connection.getresponse()
        ready.set()
        for raw in response:
            if raw.startswith(b"event: reload"):
                self.events.append(time.perf_counter())

    def save(self, i, timeout=120):
        marker = f"latency-edit-{i}-{os.getpid()}"
        before = len(self.events)
        cpu_before = cpu_ms(self.proc.pid)
        started = time.perf_counter()
        at = self.summary.end(1)
        self.profile.write_text(self.original[:at] + f"{marker} " + self.original[at:],
                                encoding="utf-8")
        while len(self.events) == before and time.perf_counter() - started < timeout:
            time.sleep(0.0005)
        if len(self.events) == before:
            raise SystemExit(f"{self.name}: no reload within {timeout} s after save {i}")
        self.reload_ms.append((self.events[before] - started) * 1000)
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/de/{self.slug}/") as response:
            html = response.read().decode("utf-8", "replace")
        self.page_ms.append((time.perf_counter() - started) * 1000)
        self.cpu_ms.append(cpu_ms(self.proc.pid) - cpu_before)
        self.missing += marker not in html

    def stop(self):
        self.peak = peak_mb(self.proc.pid)
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        shutil.rmtree(self.root.parent, ignore_errors=True)


def spread(values):
    return (f"median {statistics.median(values):.0f} ms "
            f"(min {min(values):.0f}, max {max(values):.0f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="the content folder (copied, never edited)")
    parser.add_argument("binaries", nargs="+", help="steckbrief binaries, each PATH or NAME=PATH")
    parser.add_argument("--edits", type=int, default=15, help="saves per binary (default 15)")
    parser.add_argument("--work", default=None, help="where the copies go (default: the temp dir)")
    args = parser.parse_args()
    named = [b.split("=", 1) if "=" in b else (b, b) for b in args.binaries]
    servers = []
    try:
        for name, binary in named:
            servers.append(Server(name, binary, args.root, args.work))
        time.sleep(2.0)  # let the first builds settle
        for i in range(args.edits):
            for server in servers:
                server.save(i)
                time.sleep(0.3)
    finally:
        for server in servers:
            server.stop()
    actors = len(list((args.root / "actors").rglob("profile.yaml")))
    print(f"{actors} actors, {args.edits} saves per binary, interleaved "
          f"(load average {os.getloadavg()[0]:.1f})")
    for server in servers:
        print(f"{server.name}: first build {server.first_build:.1f} s; "
              f"save -> reload {spread(server.reload_ms)}; "
              f"save -> page fetched {spread(server.page_ms)}; "
              f"CPU per save {spread(server.cpu_ms)}; peak RSS {server.peak} MB"
              + (f"; {server.missing} fetches without the edit" if server.missing else ""))
        for line in [line for line in server.log if " ms (" in line][-2:]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
