#!/usr/bin/env python3
"""Fuzzing benchmark: `autosafecoder fuzz` beside an annotation-driven Hypothesis fuzzer.

Usage:
  python3 Benchmarks/fuzz/bench_fuzz.py BINARY [--budget 5] [--seed 1] [--only NAME]...
                                        [--no-hypothesis] [--no-ours] [--json FILE]

For each entry of corpus/manifest.json (24 buggy functions, 12 correct ones) it runs
  BINARY fuzz corpus/FILE::FUNCTION --budget B --seed S --format json     (cwd: this directory)
and, unless --no-hypothesis, hypothesis_fuzz.py on the same function with the same budget and
seed, inside bwrap (read-only root, private /tmp, no network, own PID namespace) under a 1 GiB
address-space limit.

A buggy entry is found when a finding/report has the manifest's kind (security: kind `security`
with the manifest's CWE, 94 or 95 for eval). Hypothesis cannot confirm security flaws: its reports
on security entries are listed, never counted as found. On a correct entry every finding is a false
report; on a buggy entry a finding of another kind is an "other report". Python 3.9+, standard
library only (the Hypothesis half needs `pip install hypothesis`).
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
MANIFEST = os.path.join(CORPUS, "manifest.json")
HYPOTHESIS_FUZZ = os.path.join(HERE, "hypothesis_fuzz.py")
MEMORY_LIMIT = 1 << 30
BUGGY_KINDS = ("crash", "hang", "memory")
GRACE_SECONDS = int(os.environ.get("BENCH_FUZZ_GRACE", "60"))  # on top of the budget before a run is killed


# --- manifest --------------------------------------------------------------------------------

def load_manifest(only=None):
    with open(MANIFEST, encoding="utf-8") as handle:
        entries = json.load(handle)
    if only:
        entries = [e for e in entries if any(entry_matches(e, name) for name in only)]
    return entries


def entry_name(entry):
    return f"{entry['file']}::{entry['function']}"


def entry_matches(entry, name):
    return name == entry["function"] or name in entry_name(entry)


def cwe_number(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    match = re.search(r"(\d+)", str(value))
    return int(match.group(1)) if match else None


def accepted_cwes(entry):
    cwe = cwe_number(entry.get("cwe"))
    return {94, 95} if cwe in (94, 95) else {cwe}


def same_exception(reported, expected):
    """'struct.error' matches 'error' and 'struct.error'; comparison on the last dotted part."""
    if not reported or not expected:
        return False
    return str(reported).split(".")[-1].lower() == str(expected).split(".")[-1].lower()


# --- running commands ------------------------------------------------------------------------

def run_command(command, timeout, cwd=HERE, preexec=None, env=None):
    """(returncode or None on timeout, stdout, stderr, seconds). Kills the whole process group."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=preexec,
                            env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        code = None
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.perf_counter() - start


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def fmt_budget(budget):
    return str(int(budget)) if float(budget).is_integer() else str(budget)


# --- ours ------------------------------------------------------------------------------------

def run_ours(binary, target, budget, seed, cwd=HERE):
    """Runs `BINARY fuzz TARGET`; returns a dict with status ok/error/unavailable/timeout."""
    command = [binary, "fuzz", target, "--budget", fmt_budget(budget), "--seed", str(seed), "--format", "json"]
    code, out, err, seconds = run_command(command, budget + GRACE_SECONDS, cwd=cwd)
    result = {"command": command, "exit": code, "wall_seconds": round(seconds, 3),
              "stderr": err[-4000:], "report": None}
    if code is None:
        result.update(status="timeout", error=f"killed after {budget + GRACE_SECONDS:.0f} s")
        return result
    if code == 3 and "not" in err and "available" in err:
        result.update(status="unavailable", error=first_line(err))
        return result
    if code not in (0, 1):
        result.update(status="error", error=f"exit {code}: {first_line(err) or first_line(out)}")
        return result
    try:
        report = json.loads(out) if out.strip() else {}
    except json.JSONDecodeError as error:
        result.update(status="error", error=f"exit {code} but stdout is not JSON ({error})")
        result["stdout"] = out[-2000:]
        return result
    if not isinstance(report, dict):
        report = {}
    result.update(status="ok", report=report)
    if code == 0 and report.get("findings"):
        result["warning"] = "exit 0 but findings reported"
    if code == 1 and not report.get("findings"):
        result["warning"] = "exit 1 but no findings"
    return result


def ours_findings(result):
    findings = (result.get("report") or {}).get("findings") or []
    normal = []
    for f in findings:
        if not isinstance(f, dict):
            continue
        after = f.get("found_after_ms")
        normal.append({"kind": f.get("kind"), "exception": f.get("exception"),
                       "cwe": cwe_number(f.get("cwe")),
                       "after_ms": float(after) if isinstance(after, (int, float)) else None,
                       "input": f.get("input")})
    return normal


def ours_target_info(result):
    targets = (result.get("report") or {}).get("targets") or []
    target = targets[0] if targets and isinstance(targets[0], dict) else {}
    return {"status": target.get("status"), "reason": target.get("reason"),
            "executions": target.get("executions"), "lines_covered": target.get("lines_covered"),
            "seconds": target.get("seconds"),
            "sandbox": (result.get("report") or {}).get("sandbox")}


# --- hypothesis ------------------------------------------------------------------------------

def sandbox_prefix(writable=()):
    command = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
               "--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session"]
    for path in writable:
        command += ["--bind", path, path]
    return command


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def hypothesis_available():
    code = subprocess.run([sys.executable, "-c", "import hypothesis"], capture_output=True).returncode
    return code == 0


def run_hypothesis(file, function, budget, seed, cache_dir, cwd=HERE):
    """Runs hypothesis_fuzz.py sandboxed; returns a dict with status ok/error/timeout.

    The sandbox mounts a fresh /tmp: cache_dir is bound writable (it may be under /tmp), and so
    is cwd when it lies under /tmp (it would be invisible otherwise)."""
    inner = [sys.executable, HYPOTHESIS_FUZZ, file, function, fmt_budget(budget), str(seed)]
    writable = [cache_dir]
    real_cwd = os.path.realpath(cwd)
    if real_cwd == "/tmp" or real_cwd.startswith("/tmp/"):
        writable.insert(0, real_cwd)
        cwd = real_cwd
    command = sandbox_prefix(writable) + [
        "--setenv", "HYPOTHESIS_STORAGE_DIRECTORY", cache_dir,
        "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--chdir", cwd] + inner
    code, out, err, seconds = run_command(command, budget + GRACE_SECONDS, cwd=cwd, preexec=limit_memory)
    result = {"exit": code, "wall_seconds": round(seconds, 3), "result": None}
    partial = [json.loads(line[len("#report "):]) for line in err.splitlines()
               if line.startswith("#report {")]
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if code == 0 and lines:
        result.update(status="ok", result=json.loads(lines[-1]))
    else:
        why = "killed (timeout)" if code is None else f"exit {code}"
        tail = [line for line in err.splitlines() if not line.startswith("#report")]
        result.update(status="timeout" if code is None else "error",
                      error=f"{why}: {tail[-1].strip() if tail else ''}".rstrip(": "),
                      result={"reports": partial, "executions": None, "partial": True})
        result["stderr"] = "\n".join(tail[-20:])
    return result


def hypothesis_findings(result):
    reports = (result.get("result") or {}).get("reports") or []
    return [{"kind": r.get("kind"), "exception": r.get("exception"), "cwe": None,
             "after_ms": r.get("after_ms"), "input": r.get("input")} for r in reports]


# --- judging ---------------------------------------------------------------------------------

def judge(entry, findings, can_confirm_security=True):
    """found (bool/None), time to first (ms), exception matched, other reports, false reports."""
    kind = entry["kind"]
    if kind == "correct":
        return {"found": None, "first_ms": None, "exception_match": None,
                "other": [], "false": findings}
    if kind == "security":
        matching = [f for f in findings if f["kind"] == "security" and f["cwe"] in accepted_cwes(entry)]
        if not can_confirm_security:
            matching = []
    else:
        matching = [f for f in findings if f["kind"] == kind]
    others = [f for f in findings if f not in matching]
    times = [f["after_ms"] for f in matching if f["after_ms"] is not None]
    exception_match = None
    if kind == "crash":
        exception_match = any(same_exception(f["exception"], entry["exception"]) for f in matching)
    return {"found": bool(matching), "first_ms": min(times) if times else None,
            "exception_match": exception_match, "other": others, "false": []}


def describe(findings, limit=3):
    names = []
    for f in findings:
        label = f["exception"] or f["kind"] or "?"
        if f["kind"] == "security" and f["cwe"]:
            label = f"CWE-{f['cwe']}"
        if label not in names:
            names.append(label)
    text = ", ".join(names[:limit])
    return text + (", ..." if len(names) > limit else "")


def cell(side):
    """Table text for one tool on one entry."""
    if side is None:
        return "-"
    if side["status"] != "ok" and not side.get("verdict"):
        return side["status"].upper()
    verdict = side["verdict"]
    prefix = "" if side["status"] == "ok" else side["status"].upper() + " "
    if side.get("skipped"):
        return prefix + f"skipped ({side['skipped']})"[:30]
    if verdict["found"] is None:  # correct entry
        false = verdict["false"]
        return prefix + (f"{len(false)} false ({describe(false, 2)})" if false else "ok, none")
    if verdict["found"]:
        text = "yes"
        if verdict["first_ms"] is not None:
            text += f" {verdict['first_ms']:.0f} ms"
        if verdict["exception_match"] is False:
            text += " (other exc)"
    else:
        text = "n/a" if side.get("no_security") else "no"
    if verdict["other"]:
        text += f" +{len(verdict['other'])} other"
    return prefix + text


# --- main ------------------------------------------------------------------------------------

def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", help="path to the autosafecoder binary")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per function (default 5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", default=[],
                        help="function name or part of FILE::FUNCTION (repeatable)")
    parser.add_argument("--no-hypothesis", action="store_true", help="do not run the Hypothesis baseline")
    parser.add_argument("--no-ours", action="store_true", help="do not run BINARY")
    parser.add_argument("--json", metavar="FILE", help="write the raw results to FILE")
    args = parser.parse_args(argv)
    if args.budget <= 0:
        parser.error("--budget must be positive")
    check_binary(parser, args)
    return args


def check_binary(parser, args):
    """BINARY must be an executable unless --no-ours; made absolute (runs change directory)."""
    if args.no_ours:
        return
    if not args.binary:
        parser.error("BINARY is required unless --no-ours")
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        parser.error(f"{args.binary} is not an executable (build it, or pass --no-ours)")


def main(argv=None):
    args = parse_args(argv)
    entries = load_manifest(args.only)
    if not entries:
        sys.exit(f"bench_fuzz: no manifest entry matches {args.only}")
    run_ours_flag = not args.no_ours
    run_hyp_flag = not args.no_hypothesis
    if run_hyp_flag and not hypothesis_available():
        print("hypothesis: not installed (python3 -m pip install hypothesis); baseline skipped")
        run_hyp_flag = False
    if run_hyp_flag and not shutil.which("bwrap"):
        print("hypothesis: bwrap is not installed (apt-get install bubblewrap); the baseline runs the "
              "corpus's shell and pickle sinks, so it is skipped rather than run unsandboxed")
        run_hyp_flag = False
    if not run_ours_flag and not run_hyp_flag:
        sys.exit("bench_fuzz: nothing to run")

    budget = args.budget
    cache_dir = tempfile.mkdtemp(prefix="bench-fuzz-hypothesis-")
    ours_unavailable = None
    results = []
    print(f"budget {fmt_budget(budget)} s per function, seed {args.seed}, {len(entries)} functions"
          + (f", ours: {args.binary}" if run_ours_flag else "")
          + (", hypothesis: sandboxed, 1 GiB address space, 1 s per call" if run_hyp_flag else ""))
    print()
    header = f"{'function':42} {'kind':8} {'expected':18} {'ours':30} {'hypothesis':30}"
    print(header)
    print("-" * len(header))
    try:
        for entry in entries:
            target = f"corpus/{entry['file']}::{entry['function']}"
            row = {"entry": entry, "ours": None, "hypothesis": None}
            if run_ours_flag and not ours_unavailable:
                raw = run_ours(args.binary, target, budget, args.seed)
                side = {"status": raw["status"], "raw": raw}
                if raw["status"] == "unavailable" or (raw["status"] == "error" and raw["exit"] == 2
                                                      and not results):
                    # exit 3: `fuzz` not implemented yet; exit 2 on the first run: the binary's
                    # argument parser does not know the fuzz options yet. Either way no run will work.
                    ours_unavailable = raw.get("error") or "exit 3"
                    side = None
                elif raw["status"] == "ok":
                    info = ours_target_info(raw)
                    side["target"] = info
                    if info.get("status") == "skipped":
                        side["skipped"] = info.get("reason") or "no reason given"
                    side["verdict"] = judge(entry, ours_findings(raw))
                row["ours"] = side
            if run_hyp_flag:
                raw = run_hypothesis(os.path.join("corpus", entry["file"]), entry["function"],
                                     budget, args.seed, cache_dir)
                side = {"status": raw["status"], "raw": raw,
                        "verdict": judge(entry, hypothesis_findings(raw), can_confirm_security=False),
                        "no_security": entry["kind"] == "security"}
                row["hypothesis"] = side
            results.append(row)
            expected = entry["exception"] if entry["kind"] == "crash" else (
                f"CWE-{entry['cwe']}" if entry["kind"] == "security" else "")
            name = entry_name(entry)
            if len(name) > 42:
                name = "..." + name[-39:]
            ours_text = "unavailable" if ours_unavailable and row["ours"] is None and run_ours_flag else cell(row["ours"])
            print(f"{name:42} {entry['kind']:8} {expected or '':18} {ours_text:30} {cell(row['hypothesis']):30}",
                  flush=True)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)

    print()
    if ours_unavailable:
        print(f"ours: `fuzz` is not available in this binary ({ours_unavailable}); no results for it")
    errors = []
    for row in results:
        for tool in ("ours", "hypothesis"):
            side = row[tool]
            if side and side["status"] != "ok":
                errors.append((tool, entry_name(row["entry"]), side["raw"].get("error", side["status"])))
            if side and side["raw"].get("warning"):
                errors.append((tool, entry_name(row["entry"]), "warning: " + side["raw"]["warning"]))
    if errors:
        print("errors and warnings:")
        for tool, name, text in errors:
            print(f"  {tool:10} {name}: {text}")
        print()

    summary = {}
    tools = [t for t, flag in (("ours", run_ours_flag and not ours_unavailable), ("hypothesis", run_hyp_flag)) if flag]
    for tool in tools:
        summary[tool] = summarize(results, tool)
    if tools:
        print_summary(summary, tools, entries)
    if args.json:
        payload = {"budget": args.budget, "seed": args.seed, "binary": args.binary,
                   "ours_unavailable": ours_unavailable, "summary": summary, "results": results}
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=2, default=str)
            handle.write("\n")
        print(f"\nraw results written to {args.json}")
    return 0


def summarize(results, tool):
    counts = {k: [0, 0] for k in ("crash", "hang", "memory", "security")}
    exception_match, false_reports, false_functions = 0, 0, 0
    other_reports, other_entries, errors, executions = 0, 0, 0, 0
    correct_total, times, times_no_security, skipped = 0, [], [], 0
    for row in results:
        side, entry = row[tool], row["entry"]
        if side is None:
            continue
        if side["status"] != "ok":
            errors += 1
        if side.get("skipped"):
            skipped += 1
        verdict = side.get("verdict")
        if tool == "ours" and side.get("target"):
            executions += side["target"].get("executions") or 0
        elif tool == "hypothesis":
            executions += ((side["raw"].get("result") or {}).get("executions") or 0)
        kind = entry["kind"]
        if kind == "correct":
            correct_total += 1
            if verdict and verdict["false"]:
                false_reports += len(verdict["false"])
                false_functions += 1
            continue
        counts[kind][1] += 1
        if not verdict:
            continue
        if verdict["found"]:
            counts[kind][0] += 1
            if verdict["first_ms"] is not None:
                times.append(verdict["first_ms"])
                if kind != "security":
                    times_no_security.append(verdict["first_ms"])
            if verdict["exception_match"]:
                exception_match += 1
        if verdict["other"]:
            other_reports += len(verdict["other"])
            other_entries += 1
    return {
        "found": {k: v[0] for k, v in counts.items()}, "total": {k: v[1] for k, v in counts.items()},
        "exception_match": exception_match,
        "false_reports": false_reports, "false_functions": false_functions, "correct_total": correct_total,
        "other_reports": other_reports, "other_entries": other_entries,
        "median_first_ms": statistics.median(times) if times else None,
        "median_first_ms_crash_hang_memory": statistics.median(times_no_security) if times_no_security else None,
        "found_with_time": len(times), "errors": errors, "skipped": skipped, "executions": executions,
    }


def print_summary(summary, tools, entries):
    def line(label, values):
        print(f"{label:40}" + "".join(f"{v:>22}" for v in values))

    print("summary")
    line("", tools)
    found = lambda s, kinds: sum(s["found"][k] for k in kinds)  # noqa: E731
    total = lambda s, kinds: sum(s["total"][k] for k in kinds)  # noqa: E731
    line("buggy found (crash/hang/memory + sec.)",
         [f"{found(summary[t], BUGGY_KINDS + ('security',))}/{total(summary[t], BUGGY_KINDS + ('security',))}" for t in tools])
    line("  crash/hang/memory found",
         [f"{found(summary[t], BUGGY_KINDS)}/{total(summary[t], BUGGY_KINDS)}" for t in tools])
    for kind in BUGGY_KINDS:
        line(f"    {kind}", [f"{summary[t]['found'][kind]}/{summary[t]['total'][kind]}" for t in tools])
    line("    crash with the manifest's exception",
         [f"{summary[t]['exception_match']}/{summary[t]['total']['crash']}" for t in tools])
    line("  security confirmed (kind + CWE)",
         [(f"{summary[t]['found']['security']}/{summary[t]['total']['security']}" if t != "hypothesis"
           else "n/a (cannot confirm)") for t in tools])
    line("false reports on correct functions",
         [f"{summary[t]['false_reports']} on {summary[t]['false_functions']}/{summary[t]['correct_total']}" for t in tools])
    line("other reports on buggy functions",
         [f"{summary[t]['other_reports']} on {summary[t]['other_entries']}" for t in tools])

    def ms(value):
        return "-" if value is None else f"{value:.1f} ms"
    line("median time to first find (all found)", [ms(summary[t]["median_first_ms"]) for t in tools])
    line("  over crash/hang/memory only", [ms(summary[t]["median_first_ms_crash_hang_memory"]) for t in tools])
    line("executions (sum over functions)", [str(summary[t]["executions"]) for t in tools])
    line("targets skipped by the fuzzer", [str(summary[t]["skipped"]) for t in tools])
    line("runs with errors/timeouts", [str(summary[t]["errors"]) for t in tools])


if __name__ == "__main__":
    sys.exit(main())
