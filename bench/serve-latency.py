#!/usr/bin/env python3
"""Watch-mode latency: the time from saving one record to its new page being served.

    bench/serve-latency.py [--daftar target/release/daftar] [--runs 15] SIZE [SIZE ...]

For each SIZE it generates a register of SIZE records with the example generator
(`cargo build --release --example gen` first), starts `daftar serve` on it, and then,
`--runs` times: changes one record's title the way editors save (write a temporary file,
rename it over the record), and waits until the record's page, fetched over HTTP after
the server's reload message, carries the new title. It reports the median and worst
latency, and as the reference measured in the same run, the median wall time of a full
`daftar build` of the same register (what a watch mode without incremental rebuilds
would cost at best).

Standard library only. Nothing here is a test: it reports, it does not judge.
"""

import argparse
import http.client
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(gen, size, dest):
    subprocess.run([gen, str(size), dest], check=True, stdout=subprocess.DEVNULL)


def full_build_seconds(daftar, site, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([daftar, "build", "--root", site], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Server:
    """`daftar serve` on a free port, with its reload messages on a queue."""

    def __init__(self, daftar, site):
        self.proc = subprocess.Popen(
            [daftar, "serve", "--root", site, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.port = None
        for line in self.proc.stdout:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            raise SystemExit("daftar serve did not start")
        threading.Thread(target=self._drain, daemon=True).start()
        self.events = queue.Queue()
        threading.Thread(target=self._listen, daemon=True).start()
        # The first message of the stream is the current generation.
        kind, _ = self.events.get(timeout=30)
        assert kind == "generasi", kind

    def _drain(self):
        for _ in self.proc.stdout:
            pass

    def _listen(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", "/__daftar/events")
        response = conn.getresponse()
        kind = None
        while True:
            line = response.fp.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:") and kind:
                self.events.put((kind, line[5:].strip()))
                kind = None

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", path)
        body = conn.getresponse().read()
        conn.close()
        return body

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def save_atomically(path, text):
    directory = os.path.dirname(path)
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(temp, path)


def latencies(server, site, runs):
    content = os.path.join(site, "content")
    records = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md"))
    path = records[len(records) // 2]
    slug = os.path.relpath(path, content)[:-3].replace(os.sep, "-")
    original = open(path).read()
    times = []
    try:
        for run in range(runs):
            marker = f"Tanda uji {run} {time.time_ns()}"
            edited = re.sub(r'^judul = "', f'judul = "{marker} ', original, count=1, flags=re.M)
            started = time.perf_counter()
            save_atomically(path, edited)
            while True:
                kind, data = server.events.get(timeout=60)
                if kind == "masalah":
                    raise SystemExit(f"the edit was refused: {data}")
                if kind == "muat-ulang" and marker.encode() in server.get(f"/{slug}/"):
                    break
            times.append(time.perf_counter() - started)
            time.sleep(0.2)  # let the editor's save settle, as a person would
    finally:
        save_atomically(path, original)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--daftar", default=os.path.join(ROOT, "target/release/daftar"))
    parser.add_argument("--gen", default=os.path.join(ROOT, "target/release/examples/gen"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--dir", default="/dev/shm" if os.path.isdir("/dev/shm") else None,
                        help="where the registers are generated (default: tmpfs)")
    args = parser.parse_args()
    for tool in (args.daftar, args.gen):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"{tool} is missing: cargo build --release --bin daftar --example gen")

    print(f"{'records':>8} {'median save→served':>20} {'worst':>8} {'full build':>11} {'ratio':>7}")
    for size in args.sizes:
        site = tempfile.mkdtemp(prefix=f"daftar-latency-{size}-", dir=args.dir)
        try:
            generate(args.gen, size, site)
            build = full_build_seconds(args.daftar, site, 3)
            server = Server(args.daftar, site)
            try:
                times = latencies(server, site, args.runs)
            finally:
                server.stop()
            median = statistics.median(times)
            print(f"{size:>8} {median * 1000:>17.0f} ms {max(times) * 1000:>5.0f} ms "
                  f"{build * 1000:>8.0f} ms {median / build:>7.3f}", flush=True)
        finally:
            shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
