#!/usr/bin/env python3
"""Fuzzing throughput: executions per second on a trivial function.

Usage: python3 Benchmarks/fuzz/bench_throughput.py BINARY [--runs 5] [--budget 5] [--seed 1]
                                                   [--no-hypothesis] [--json FILE]

Writes `def f(x: int) -> int: return x + 1` to trivial.py in a temporary directory and runs
  BINARY fuzz TMP/trivial.py::f --budget B --seed S --format json
RUNS times. Each run's rate is targets[0].executions / targets[0].seconds; the result is the
median over the runs, against the target of 5,000 executions per second (one core). The
Hypothesis baseline (hypothesis_fuzz.py, sandboxed exactly as in bench_fuzz.py) runs on the same
file the same number of times; its rate is executions / seconds of its generation loop.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_fuzz  # noqa: E402

TARGET_RATE = 5000
TRIVIAL = "def f(x: int) -> int:\n    return x + 1\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", help="path to the autosafecoder binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-hypothesis", action="store_true")
    parser.add_argument("--no-ours", action="store_true")
    parser.add_argument("--json", metavar="FILE", help="write the raw results to FILE")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.budget <= 0:
        parser.error("--runs and --budget must be positive")
    bench_fuzz.check_binary(parser, args)
    run_hyp = not args.no_hypothesis
    if run_hyp and not bench_fuzz.hypothesis_available():
        print("hypothesis: not installed (python3 -m pip install hypothesis); baseline skipped")
        run_hyp = False
    if run_hyp and not shutil.which("bwrap"):
        print("hypothesis: bwrap is not installed (apt-get install bubblewrap); baseline skipped")
        run_hyp = False

    workdir = tempfile.mkdtemp(prefix="bench-fuzz-throughput-")
    cache_dir = os.path.join(workdir, "hypothesis-cache")
    os.mkdir(cache_dir)
    trivial = os.path.join(workdir, "trivial.py")
    with open(trivial, "w", encoding="utf-8") as handle:
        handle.write(TRIVIAL)
    raw = {"ours": [], "hypothesis": []}
    rates = {"ours": [], "hypothesis": []}
    ours_error = None
    print("trivial function: def f(x: int) -> int: return x + 1")
    print(f"{args.runs} runs of {bench_fuzz.fmt_budget(args.budget)} s each\n")
    try:
        for run in range(1, args.runs + 1):
            if not args.no_ours and not ours_error:
                result = bench_fuzz.run_ours(args.binary, f"{trivial}::f", args.budget, args.seed,
                                             cwd=workdir)
                raw["ours"].append(result)
                if result["status"] == "ok":
                    info = bench_fuzz.ours_target_info(result)
                    execs, seconds = info.get("executions"), info.get("seconds")
                    if isinstance(execs, (int, float)) and isinstance(seconds, (int, float)) and seconds > 0:
                        rate = execs / seconds
                        rates["ours"].append(rate)
                        print(f"  ours        run {run}: {execs} executions in {seconds:.2f} s = {rate:,.0f}/s"
                              f" (wall {result['wall_seconds']:.2f} s, status {info.get('status')})")
                    else:
                        print(f"  ours        run {run}: no targets[0].executions/seconds in the report")
                else:
                    ours_error = result.get("error") or result["status"]
                    print(f"  ours        run {run}: {result['status']}: {ours_error}; not run again")
            if run_hyp:
                result = bench_fuzz.run_hypothesis(trivial, "f", args.budget, args.seed + run - 1,
                                                   cache_dir, cwd=workdir)
                raw["hypothesis"].append(result)
                data = result.get("result") or {}
                execs, seconds = data.get("executions"), data.get("seconds")
                if result["status"] == "ok" and execs and seconds:
                    rate = execs / seconds
                    rates["hypothesis"].append(rate)
                    print(f"  hypothesis  run {run}: {execs} executions in {seconds:.2f} s = {rate:,.0f}/s")
                else:
                    print(f"  hypothesis  run {run}: {result['status']}: {result.get('error', '')}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    summary = {}
    for tool in ("ours", "hypothesis"):
        if rates[tool]:
            summary[tool] = statistics.median(rates[tool])
    if "ours" in summary:
        verdict = "met" if summary["ours"] >= TARGET_RATE else "NOT met"
        print(f"ours:       median {summary['ours']:,.0f} executions/s over {len(rates['ours'])} runs; "
              f"target >= {TARGET_RATE:,}/s: {verdict}")
    elif not args.no_ours:
        print(f"ours:       no rate ({ours_error or 'no run reported executions and seconds'})")
    if "hypothesis" in summary:
        print(f"hypothesis: median {summary['hypothesis']:,.0f} executions/s over {len(rates['hypothesis'])} runs")
    if "ours" in summary and "hypothesis" in summary:
        print(f"ratio:      ours / hypothesis = {summary['ours'] / summary['hypothesis']:.1f}x")
    if args.json:
        import json
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"runs": args.runs, "budget": args.budget, "target_rate": TARGET_RATE,
                       "rates": rates, "median": summary, "raw": raw}, handle, indent=2, default=str)
            handle.write("\n")
        print(f"raw results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
