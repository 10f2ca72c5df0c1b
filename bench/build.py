#!/usr/bin/env python3
"""Build benchmark: whole-process wall time and peak memory of `daftar check` and
`daftar build`, and of Hugo building the same records, in one run.

    bench/build.py [--sizes 1000 10000 100000] [--runs 5] [--disk DIR] [--hugo-max N]

For each size it generates a register with the example generator (`cargo build
--release --bin daftar --example gen` first), then measures, as the median of `--runs`
runs, on tmpfs (/dev/shm) and on disk (`--disk`, default: target/bench beside this
repository):

- `daftar check` (read and validate everything, write nothing);
- `daftar build` (validate, render the public site with its exports and the internal
  index, minify, write, swap in);
- `hugo --minify` on the same record files (Hugo reads their `+++` TOML front matter as
  is) with a minimal theme: a page per record showing every field and one index page
  listing every record, the reference workload of the issue. Only when `hugo` is on the
  PATH and the size is at most `--hugo-max`.

With `examples/floor` built (`cargo build --release --examples`), each size on tmpfs
also shows the floor (one run): the processor time of rendering every record's HTML
(views, Markdown, Tera from the templates minified once), divided by the cores, and what
minifying every page again with minify-html would add (the old design). No build doing
that work can be faster; the ratio to Hugo is the best a build could reach.

At the sizes given by `--preview-sizes` (default 10,000), it also measures the preview:
the median time from saving one record to its new page being served by `daftar serve`
(`bench/serve-latency.py` does the measuring).

At the end it prints the targets of issue 14 against what this run measured: a full build
of 10,000 records at least 3× faster than Hugo with at most 200 MiB; 100,000 records in
at most 20 s and 1 GiB; `daftar check` of 10,000 records in at most 0.25 s; the preview
at 10,000 records at most 100 ms. A target whose size was not run is shown as not
measured.

Peak memory is the child's maximum resident set (getrusage). Ratios are against Hugo in
the same run, so they hold on a noisy machine. Standard library only; nothing here is a
test.
"""

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATE = "2026-11-25"
# Noon of DATE in WITA, for tools that take the date from SOURCE_DATE_EPOCH.
EPOCH = 1795579200

HUGO_CONFIG = """baseURL = "https://ppid.example.go.id/dik/"
languageCode = "id"
title = "Daftar Informasi Publik yang Dikecualikan"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

HUGO_BASE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>{{ block "title" . }}{{ .Site.Title }}{{ end }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""

HUGO_SINGLE = """{{ define "title" }}{{ .Params.nomor }}: {{ .Title }}{{ end }}
{{ define "main" }}
<article><h1>{{ .Params.judul }}</h1>
<dl>
<dt>Nomor</dt><dd>{{ .Params.nomor }}</dd>
<dt>Unit</dt><dd>{{ .Params.unit }}</dd>
<dt>Pasal 17</dt><dd>{{ range .Params.pasal_17 }}<span>{{ . }}</span> {{ end }}</dd>
<dt>Dasar hukum</dt><dd><ul>{{ range .Params.dasar_hukum }}<li>{{ . }}</li>{{ end }}</ul></dd>
<dt>Akibat bila dibuka</dt><dd>{{ .Params.akibat_dibuka }}</dd>
<dt>Manfaat bila ditutup</dt><dd>{{ .Params.manfaat_ditutup }}</dd>
<dt>Jangka waktu</dt><dd>{{ .Params.jangka_waktu }}</dd>
<dt>Ditetapkan</dt><dd>{{ .Params.tempat }}, {{ .Params.ditetapkan }} · {{ .Params.nomor_penetapan }}</dd>
<dt>Pengesahan</dt><dd>{{ range $peran, $p := .Params.pengesahan }}<p>{{ $peran }}: {{ $p.nama }}, {{ $p.jabatan }}, {{ $p.waktu }}</p>{{ end }}</dd>
</dl>
<table><tbody>{{ range .Params.langkah }}<tr><td>{{ .no }}</td><td>{{ .mulai }}</td><td>{{ .menit }}</td></tr>{{ end }}</tbody></table>
<section>{{ .Content }}</section>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
"""

HUGO_INDEX = """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<table><thead><tr><th>No</th><th>Nomor</th><th>Informasi</th><th>Unit</th><th>Pasal</th><th>Jangka waktu</th><th>Ditetapkan</th></tr></thead>
<tbody>{{ range $i, $p := sort .Site.RegularPages "Params.nomor" }}<tr><td>{{ add $i 1 }}</td><td>{{ $p.Params.nomor }}</td><td><a href="{{ $p.RelPermalink }}">{{ $p.Params.judul }}</a></td><td>{{ $p.Params.unit }}</td><td>{{ delimit $p.Params.pasal_17 ", " }}</td><td>{{ $p.Params.jangka_waktu }}</td><td>{{ $p.Params.ditetapkan }}</td></tr>{{ end }}</tbody></table>
{{ end }}
"""


def hugo_site(register, dest):
    """A Hugo site over the register's record files (copied: Hugo wants them under its
    own content/)."""
    os.makedirs(os.path.join(dest, "layouts", "_default"), exist_ok=True)
    files = {
        "config.toml": HUGO_CONFIG,
        "layouts/_default/baseof.html": HUGO_BASE,
        "layouts/_default/single.html": HUGO_SINGLE,
        "layouts/_default/list.html": HUGO_LIST,
        "layouts/index.html": HUGO_INDEX,
    }
    for rel, text in files.items():
        with open(os.path.join(dest, rel), "w") as f:
            f.write(text)
    shutil.copytree(os.path.join(register, "content"), os.path.join(dest, "content"))


def measure(command, runs):
    """Median wall time (s) and the largest peak RSS (MiB) over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{err}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def serve_latency_module():
    """bench/serve-latency.py, loaded as a module (its name has a hyphen)."""
    path = os.path.join(ROOT, "bench", "serve-latency.py")
    spec = importlib.util.spec_from_file_location("serve_latency", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def preview_median(daftar, site, runs):
    """Median seconds from saving one record to its new page being served."""
    latency = serve_latency_module()
    server = latency.Server(daftar, site)
    try:
        return statistics.median(latency.latencies(server, site, runs))
    finally:
        server.stop()


# (size, what, limit, unit, how the measured value is read from a row) of issue 14.
TARGETS = [
    (10000, "build vs Hugo", 3.0, "×", "ratio"),
    (10000, "build peak", 200, "MiB", "peak"),
    (100000, "build time", 20.0, "s", "build"),
    (100000, "build peak", 1024, "MiB", "peak"),
    (10000, "check median", 0.25, "s", "check"),
    (10000, "preview save→served", 0.100, "s", "preview"),
]


def print_targets(measured):
    """The targets against this run's figures (tmpfs)."""
    print("\nTargets (issue 14), tmpfs, this run:")
    for size, what, limit, unit, key in TARGETS:
        value = measured.get((size, key))
        at_least = key == "ratio"
        bound = f"{'≥' if at_least else '≤'} {limit:g} {unit}"
        if value is None:
            print(f"{size:>8} {what:<20} {bound:>12}  not measured")
            continue
        met = value >= limit if at_least else value <= limit
        shown = f"{value:.3g} {unit}" if unit != "s" or value >= 1 else f"{value * 1000:.0f} ms"
        print(f"{size:>8} {what:<20} {bound:>12}  {shown:>10}  {'met' if met else 'NOT MET'}")


def floor_seconds(floor, site):
    """From examples/floor: rendering alone, and what minify-html on every page would
    add, each shared over the cores; None when it fails."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    run = subprocess.run([floor, site], capture_output=True, text=True, env=env)
    if run.returncode != 0:
        print(f"examples/floor failed: {run.stderr.strip()}", file=sys.stderr)
        return None
    found = {}
    for line in run.stdout.splitlines():
        for key, start in (("both", "floor on"), ("minify", "minify-html per page")):
            if line.startswith(start):
                found[key] = float(line.split(":")[1].split()[0])
    return found["both"], found["minify"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--runs-large", type=int, default=3,
                        help="runs for sizes of 50,000 and more")
    parser.add_argument("--daftar", default=os.path.join(ROOT, "target/release/daftar"))
    parser.add_argument("--gen", default=os.path.join(ROOT, "target/release/examples/gen"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "target/release/examples/floor"))
    parser.add_argument("--disk", default=os.path.join(ROOT, "target/bench"))
    parser.add_argument("--hugo-max", type=int, default=10000,
                        help="largest size Hugo builds (it needs ~80 KiB a record)")
    parser.add_argument("--no-disk", action="store_true")
    parser.add_argument("--preview-sizes", nargs="*", type=int, default=[10000],
                        help="sizes at which the preview's save-to-served time is measured")
    parser.add_argument("--preview-runs", type=int, default=15)
    args = parser.parse_args()
    for tool in (args.daftar, args.gen):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"{tool} is missing: cargo build --release --bin daftar --example gen")
    hugo = shutil.which("hugo")
    if hugo:
        version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
        print(f"hugo {version} found: building the same records with it for comparison")
    else:
        print("hugo not found (apt-get install hugo): no comparison")
    places = [("tmpfs", "/dev/shm")] + ([] if args.no_disk else [("disk", args.disk)])
    print(f"{os.cpu_count()} CPUs; median of {args.runs} runs ({args.runs_large} from 50,000 records)\n")
    header = f"{'records':>8} {'where':>6} {'what':<14} {'time':>9} {'peak':>9} {'vs Hugo':>8}"
    print(header)
    print("-" * len(header))
    measured = {}
    for size in args.sizes:
        runs = args.runs_large if size >= 50000 else args.runs
        for place, parent in places:
            os.makedirs(parent, exist_ok=True)
            work = tempfile.mkdtemp(prefix=f"daftar-bench-{size}-", dir=parent)
            try:
                site = os.path.join(work, "daftar")
                subprocess.run([args.gen, str(size), site], check=True, stdout=subprocess.DEVNULL)
                rows = []
                common = ["--root", site, "--tanggal", DATE, "--quiet"]
                check = measure([args.daftar, "check", *common], runs)
                build = measure([args.daftar, "build", *common], runs)
                rows.append(("daftar check", check, False))
                rows.append(("daftar build", build, True))
                reference = None
                if hugo and size <= args.hugo_max:
                    hsite = os.path.join(work, "hugo")
                    hugo_site(site, hsite)
                    reference = measure([hugo, "--quiet", "--minify", "-s", hsite], runs)
                    rows.append(("hugo --minify", reference, False))
                if place == "tmpfs":
                    measured[(size, "check")] = check[0]
                    measured[(size, "build")] = build[0]
                    measured[(size, "peak")] = build[1]
                    if reference:
                        measured[(size, "ratio")] = reference[0] / build[0]
                    if size in args.preview_sizes:
                        preview = preview_median(args.daftar, site, args.preview_runs)
                        measured[(size, "preview")] = preview
                        rows.append(("preview save", (preview, None), False))
                floors = None
                if place == "tmpfs" and os.access(args.floor, os.X_OK):
                    floors = floor_seconds(args.floor, site)
                if floors:
                    rows.append(("floor", (floors[0], None), True))
                    rows.append(("  +minify/page", (floors[1], None), False))
                # A ratio to Hugo for the rows that stand for a whole build.
                for what, (seconds, peak), compared in rows:
                    ratio = f"{reference[0] / seconds:7.1f}×" if reference and compared else ""
                    memory = f"{peak:>5.0f} MiB" if peak is not None else " " * 9
                    print(f"{size:>8} {place:>6} {what:<14} {seconds:>7.2f} s {memory} {ratio:>8}",
                          flush=True)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    print_targets(measured)


if __name__ == "__main__":
    sys.exit(main())
