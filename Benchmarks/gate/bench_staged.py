#!/usr/bin/env python3
"""Benchmark: `autosafecoder scan --staged` (static stage) on a commit changing 3 Python files of
about 300 lines in a repository of 5,000 files, beside Bandit on the same three files.

Usage: python3 Benchmarks/gate/bench_staged.py [path/to/autosafecoder] [--runs N]
Prints medians and the ratio, measured side by side in one run (alternating, so machine noise
hits both alike).
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

FILES = 5000
RUNS = 21

def module_text(index, lines=60):
    body = [f'"""Module {index}."""', "import os", "import json", ""]
    while len(body) < lines:
        n = len(body)
        body += [f"def function_{n}(value, items=None):",
                 f"    total = value + {n}",
                 "    for item in items or []:",
                 "        total += len(str(item))",
                 "    return json.dumps({'total': total})", ""]
    return "\n".join(body) + "\n"

def changed_text(index):
    # ~300 lines, with a few real findings among ordinary code.
    text = module_text(index, 290)
    text += "\nimport subprocess\n\ndef deploy(target):\n    subprocess.run('scp build ' + target, shell=True)\n"
    return text

def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b"})

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = RUNS
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
        args = [a for a in args if a != str(runs)]
    tool = os.path.abspath(args[0] if args else ".build/release/autosafecoder")
    if not os.access(tool, os.X_OK):
        sys.exit(f"bench: {tool} is not built (make release)")
    bandit = shutil.which("bandit")
    work = tempfile.mkdtemp(prefix="asc-bench-")
    try:
        git("init", "-q", "-b", "main", cwd=work)
        for index in range(FILES):
            directory = os.path.join(work, f"pkg{index // 100:02d}")
            os.makedirs(directory, exist_ok=True)
            with open(os.path.join(directory, f"mod{index:04d}.py"), "w") as handle:
                handle.write(module_text(index))
        git("add", "-A", cwd=work)
        git("commit", "-q", "-m", "base", cwd=work)
        changed = [os.path.join(f"pkg{i // 100:02d}", f"mod{i:04d}.py") for i in (7, 2500, 4999)]
        for index, path in zip((7, 2500, 4999), changed):
            with open(os.path.join(work, path), "w") as handle:
                handle.write(changed_text(index))
        git("add", "-A", cwd=work)
        lines = sum(open(os.path.join(work, p)).read().count("\n") for p in changed)

        def timed(command):
            start = time.perf_counter()
            result = subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start, result.returncode

        ours, theirs = [], []
        status = None
        timed([tool, "scan", "--staged", "--no-fuzz"])  # warm the page cache for both
        for _ in range(runs):
            elapsed, status = timed([tool, "scan", "--staged", "--no-fuzz"])
            ours.append(elapsed)
            if bandit:
                elapsed, _ = timed([bandit, "-q", *changed])
                theirs.append(elapsed)
        print(f"repository: {FILES} files; change: {len(changed)} files, {lines} lines; runs: {runs}")
        print(f"autosafecoder scan --staged: median {statistics.median(ours) * 1000:.1f} ms "
              f"(min {min(ours) * 1000:.1f}, max {max(ours) * 1000:.1f}); exit status {status}")
        if theirs:
            print(f"bandit on the same 3 files:   median {statistics.median(theirs) * 1000:.1f} ms "
                  f"(min {min(theirs) * 1000:.1f}, max {max(theirs) * 1000:.1f})")
            print(f"ratio bandit / autosafecoder: {statistics.median(theirs) / statistics.median(ours):.1f}x")
        else:
            print("bandit: not installed (pip install bandit) - no comparison")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
