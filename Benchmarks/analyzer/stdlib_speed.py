#!/usr/bin/env python3
"""Speed over the CPython standard library: autosafecoder beside Ruff and Bandit.

Usage: python3 Benchmarks/analyzer/stdlib_speed.py [--tool PATH] [--with-bandit] [--rounds N] [--runs N]

The corpus is the running interpreter's standard library directory
(sysconfig.get_paths()["stdlib"]) without its site-packages/ (third-party code, usually several
times the size of the stdlib itself): every other top-level entry is passed to each tool as a path.

N rounds (default 3), every tool once per round in turn, medians reported, with the per-round
ratios to Ruff (wall time, files/s, peak RSS from `/usr/bin/time -v`, else
getrusage of children):
  autosafecoder scan PATHS --format json --output TMP   (exit status 1 expected: findings)
  ruff check --select S --no-cache PATHS
  bandit -r PATHS -q -f json -o TMP                     (only with --with-bandit: 3-7 minutes)
(the JSON reports go to temporary files rather than /dev/null only to count the files judged).
Without --with-bandit, Bandit runs on a fixed 5% sample (every 20th file in sorted order) and its
full-corpus time is extrapolated from that, labelled as such.

Then the start-up latency: median of N (default 20) runs of each tool on one small file.
Last, the files autosafecoder reports as syntax errors, against those CPython's compile() rejects.
"""
import ast
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import json
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

SAMPLE_STRIDE = 20  # Bandit sample: every 20th file = 5%
LEFT_OUT = {"site-packages", "__pycache__"}
TIME = "/usr/bin/time"

SMALL_FILE = '''\
"""A small module for start-up latency."""
import subprocess


def run(command):
    return subprocess.run(command, shell=True, check=False).returncode


def total(values):
    return sum(v for v in values if v > 0)
'''


def corpus(stdlib):
    """Top-level paths handed to the tools, and every .py file beneath them (sorted)."""
    paths, files = [], []
    for entry in sorted(os.listdir(stdlib)):
        full = os.path.join(stdlib, entry)
        if entry in LEFT_OUT or os.path.islink(full):
            continue
        if os.path.isdir(full):
            paths.append(full)
            for root, dirs, names in os.walk(full):
                dirs[:] = sorted(d for d in dirs if d not in LEFT_OUT and not os.path.islink(os.path.join(root, d)))
                files += [os.path.join(root, n) for n in names
                          if n.endswith(".py") and not os.path.islink(os.path.join(root, n))]
        elif entry.endswith(".py"):
            paths.append(full)
            files.append(full)
    return paths, sorted(files)


def measure(command, stdout=subprocess.DEVNULL):
    """One run: (wall seconds, CPU seconds user+sys, peak RSS in MiB or None, exit status, RSS source)."""
    if os.access(TIME, os.X_OK):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
            start = time.perf_counter()
            proc = subprocess.run([TIME, "-v", "-o", stats.name, *command], stdout=stdout, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            rss, cpu = None, 0.0
            for line in stats.read().splitlines():
                key, _, value = line.strip().rpartition(":")
                if key.startswith("Maximum resident set size"):
                    rss = int(value) / 1024.0
                elif key in ("User time (seconds)", "System time (seconds)"):
                    cpu += float(value)
            return elapsed, cpu, rss, proc.returncode, "/usr/bin/time -v"
    # Fallback: the children's maximum RSS so far (an upper bound once an earlier child was bigger).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=stdout, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, after.ru_maxrss / 1024.0, proc.returncode, "getrusage (max over children so far)"


def cpython_rejects(files):
    """path -> (reason, stage): files CPython's compile() rejects; stage 'parser' when ast.parse
    rejects them too, 'compiler' when only later passes (e.g. __future__ checks) do."""
    rejected = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files:
            with open(path, "rb") as handle:
                source = handle.read()
            try:
                compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
                try:
                    ast.parse(source, path)
                    stage = "compiler"
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    stage = "parser"
                rejected[path] = (f"{type(error).__name__}: {error}", stage)
    return rejected


def bandit_files(path):
    """Files Bandit scanned, from its JSON report's metrics (one key per file, plus _totals)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return sum(1 for key in json.load(handle).get("metrics", {}) if key != "_totals")
    except (OSError, ValueError):
        return 0


def fmt_rss(rss):
    return f"{rss:.0f} MiB" if rss is not None else "?"


def main():
    def extra(parser):
        parser.add_argument("--with-bandit", action="store_true",
                            help="run Bandit on the whole corpus (~7 minutes) instead of a 5%% sample")
        parser.add_argument("--runs", type=int, default=20, help="start-up latency runs per tool (default 20)")
        parser.add_argument("--rounds", type=int, default=3, help="whole-corpus rounds, tools in turn (default 3)")
    args = benchlib.parse_args(__doc__.splitlines()[0], extra)
    stdlib = sysconfig.get_paths()["stdlib"]
    paths, files = corpus(stdlib)
    if not files:
        sys.exit(f"stdlib_speed: no Python files under {stdlib}")
    size = sum(os.path.getsize(f) for f in files)
    lines = 0
    for f in files:
        with open(f, "rb") as handle:
            lines += handle.read().count(b"\n")
    ruff, bandit = benchlib.peer("ruff"), benchlib.peer("bandit")
    if not os.access(TIME, os.X_OK):
        print(f"note: {TIME} not found (apt-get install -y time); peak RSS from getrusage instead")

    print(f"corpus: {stdlib} (Python {sys.version.split()[0]}), site-packages/ left out: "
          f"{len(files)} .py files, {lines:,} lines, {size / 1e6:.1f} MB, passed as {len(paths)} paths")
    print(f"autosafecoder: {args.tool} ({benchlib.version_of([args.tool, '--version'])}); "
          f"ruff: {benchlib.version_of([ruff, '--version']) if ruff else 'not installed'}; "
          f"bandit: {benchlib.version_of([bandit, '--version']) if bandit else 'not installed'}")
    print(f"machine: {os.cpu_count()} CPUs, load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()

    # Warm the page cache so the first tool does not pay for the disk.
    for f in files:
        with open(f, "rb") as handle:
            handle.read()

    rows = {}
    runs = {}
    with tempfile.TemporaryDirectory(prefix="asc-stdlib-") as work:
        report_path = os.path.join(work, "report.json")
        bandit_path = os.path.join(work, "bandit.json")  # a file rather than /dev/null, to count the files
        commands = {"autosafecoder": [args.tool, "scan", *paths, "--format", "json", "--output", report_path]}
        if ruff:
            commands["ruff"] = [ruff, "check", "--select", "S", "--no-cache", *paths]
        sample_lines = 0
        if bandit:
            if args.with_bandit:
                print(f"bandit: full corpus, {len(files)} files (several minutes a round) ...", flush=True)
                commands["bandit"] = [bandit, "-r", *paths, "-q", "-f", "json", "-o", bandit_path]
            else:
                sample = files[::SAMPLE_STRIDE]
                for f in sample:
                    with open(f, "rb") as handle:
                        sample_lines += handle.read().count(b"\n")
                commands["bandit (5% sample)"] = [bandit, "-q", "-f", "json", "-o", bandit_path, *sample]
        # Every tool once per round, in turn, so the shared machine's load falls on all alike.
        runs = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                runs[name].append(measure(command))
        statuses = {name: v[-1][3] for name, v in runs.items()}
        if statuses["autosafecoder"] not in (0, 1):
            sys.exit(f"stdlib_speed: autosafecoder exited {statuses['autosafecoder']}")
        with open(report_path, encoding="utf-8") as handle:
            report = json.load(handle)
        judged = report.get("summary", {}).get("files", 0)
        how = runs["autosafecoder"][0][4]

        def summary(name):
            v = runs[name]
            rss = [r[2] for r in v if r[2] is not None]
            return statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), max(rss) if rss else None

        seconds, cpu, rss = summary("autosafecoder")
        rows["autosafecoder"] = (seconds, cpu, rss, judged, f"exit {statuses['autosafecoder']} (1 expected)", "")
        if ruff:
            shown = subprocess.run([ruff, "check", "--select", "S", "--no-cache", "--show-files", *paths],
                                   capture_output=True, text=True).stdout.splitlines()
            checked = sum(1 for l in shown if l.strip())
            seconds, cpu, rss = summary("ruff")
            rows["ruff"] = (seconds, cpu, rss, checked, f"exit {statuses['ruff']}", "")
        if "bandit" in runs:
            seconds, cpu, rss = summary("bandit")
            rows["bandit"] = (seconds, cpu, rss, bandit_files(bandit_path), f"exit {statuses['bandit']}", "full run")
        if "bandit (5% sample)" in runs:
            seconds, cpu, rss = summary("bandit (5% sample)")
            rows["bandit (5% sample)"] = (seconds, cpu, rss, bandit_files(bandit_path), f"exit {statuses['bandit (5% sample)']}",
                                          f"sample: {sample_lines:,} lines")

        # Start-up latency on one small file, tools alternating so noise hits all alike.
        small = os.path.join(work, "small.py")
        with open(small, "w", encoding="utf-8") as handle:
            handle.write(SMALL_FILE)
        commands = {"autosafecoder": [args.tool, "scan", small, "--format", "json"]}
        if ruff:
            commands["ruff"] = [ruff, "check", "--select", "S", "--no-cache", small]
        if bandit:
            commands["bandit"] = [bandit, "-q", "-f", "json", small]
        latency = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                latency[name].append(time.perf_counter() - start)
        startup = {name: statistics.median(v) for name, v in latency.items()}

    if "bandit (5% sample)" in rows:
        seconds, cpu, _, count, _, _ = rows["bandit (5% sample)"]
        fixed = min(startup.get("bandit", 0.0), seconds)
        scale = len(files) / max(count, 1)
        rows["bandit (EXTRAPOLATED)"] = (fixed + (seconds - fixed) * scale, min(fixed, cpu) + (cpu - min(fixed, cpu)) * scale,
                                         None, len(files), "estimate",
                                         f"start-up {fixed:.2f}s + sample's per-file time x {len(files)} files")

    print(f"Whole corpus, median of {args.rounds} rounds (every tool once per round, in turn); peak RSS the largest;")
    print(f"CPU time and peak RSS via {how}. Files as each tool counts them")
    print("(ours: .py, .pyi and python-shebang files, less the default policy's excludes such as venv/):")
    table = []
    for name, (seconds, cpu, rss, count, status, note) in rows.items():
        rate = f"{count / seconds:,.0f}" if seconds > 0 else "?"
        table.append((name, f"{seconds:.2f}s", f"{cpu:.2f}s", rate, count, fmt_rss(rss) if rss is not None else "n/a",
                      status, note))
    benchlib.print_table(["tool", "wall", "CPU (user+sys)", "files/s", "files", "peak RSS", "status", "note"], table)

    ours = rows["autosafecoder"][0]
    print()
    print("Ratios (wall time; CPU time in brackets):")
    ours_cpu = rows["autosafecoder"][1]
    bandit_row = "bandit" if "bandit" in rows else "bandit (EXTRAPOLATED)" if "bandit (EXTRAPOLATED)" in rows else None
    if bandit_row:
        label = "" if bandit_row == "bandit" else "  [Bandit extrapolated from the 5% sample]"
        print(f"  Bandit / ours: {rows[bandit_row][0] / ours:.1f}x  ({rows[bandit_row][1] / ours_cpu:.1f}x){label}")
    if "ruff" in rows:
        print(f"  ours / Ruff:   {ours / rows['ruff'][0]:.1f}x  ({ours_cpu / rows['ruff'][1]:.1f}x)")
        per_round = [a[0] / b[0] for a, b in zip(runs["autosafecoder"], runs["ruff"])]
        print(f"  ours / Ruff per round (wall): {', '.join(f'{r:.1f}x' for r in per_round)}; median {statistics.median(per_round):.1f}x")

    print()
    print(f"Start-up latency, one small file ({SMALL_FILE.count(chr(10))} lines), median of {args.runs} runs:")
    benchlib.print_table(["tool", "median", "min", "max"],
                         [(name, f"{startup[name] * 1000:.1f} ms", f"{min(v) * 1000:.1f} ms", f"{max(v) * 1000:.1f} ms")
                          for name, v in latency.items()])

    # Syntax errors: ours against CPython's own compile().
    ours_errors = {os.path.realpath(e.get("file", "")): e for e in report.get("errors", [])}
    rejected = cpython_rejects(files)
    rejected_real = {os.path.realpath(p): why for p, why in rejected.items()}
    by_parser = sum(1 for _, stage in rejected.values() if stage == "parser")
    agree = sorted(set(ours_errors) & set(rejected_real))
    extra_errors = sorted(set(ours_errors) - set(rejected_real))
    missed = sorted(set(rejected_real) - set(ours_errors))
    skipped = report.get("skipped", {})
    rel = lambda p: os.path.relpath(os.path.realpath(p), os.path.realpath(stdlib))
    print()
    print(f"autosafecoder judged {judged} files (the corpus has {len(files)} .py files; it also takes .pyi and "
          f"python-shebang files); skipped: "
          + (", ".join(f"{k} {len(v)}: {', '.join(rel(p) for p in v)}" for k, v in sorted(skipped.items()) if v)
             or "none"))
    print(f"Syntax errors reported by autosafecoder: {len(ours_errors)}; "
          f"files CPython {sys.version.split()[0]} compile() rejects: {len(rejected)} "
          f"({by_parser} already in its parser, ast.parse; {len(rejected) - by_parser} only in the compiler's later passes)")
    print(f"  both ({len(agree)}):")
    for p in agree:
        e = ours_errors[p]
        print(f"    {rel(p)}:{e.get('line')}: {e.get('message')}")
    print(f"  only autosafecoder, CPython accepts them (wrong; {len(extra_errors)}):")
    for p in extra_errors:
        e = ours_errors[p]
        print(f"    {rel(p)}:{e.get('line')}:{e.get('column')}: {e.get('message')}")
    print(f"  only CPython, autosafecoder parsed them (missed; {len(missed)}):")
    for p in missed:
        reason, stage = rejected_real[p]
        print(f"    {rel(p)}: [{stage}] {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
