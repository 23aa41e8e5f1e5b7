#!/usr/bin/env python3
"""HumanEval false positives: findings on 164 correct, benign solutions.

Usage: python3 Benchmarks/analyzer/humaneval.py [--tool PATH]

Reads ../shared/datasets/humaneval.jsonl.gz, writes each `prompt` + `canonical_solution` to its own
file in a temporary directory, and scans the directory once with autosafecoder and once with Bandit.
Every finding of medium severity or above is a false positive (target: 0); low-severity findings
are counted separately.
"""
import gzip
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

DATASET = os.path.join(benchlib.DATASETS, "humaneval.jsonl.gz")


def file_name(task_id):
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in task_id) + ".py"


def report_tool(tool, findings, seconds, sources, note):
    medium = benchlib.at_least(findings, "medium")
    low = [f for f in findings if f["severity"] == "low"]
    print(f"{tool}: {len(medium)} findings of medium severity or above (false positives), "
          f"{len(low)} low; {seconds:.2f}s; {note}")
    for f in sorted(medium, key=lambda f: (os.path.basename(f["file"]), f["line"])):
        name = os.path.basename(f["file"])
        lines = sources.get(name, "").splitlines()
        text = lines[f["line"] - 1].strip() if 0 < f["line"] <= len(lines) else ""
        cwe = f"CWE-{f['cwe']}" if f["cwe"] is not None else "no CWE"
        print(f"  {name}:{f['line']}  {f['rule']} {cwe} {f['severity']}  {f['message']}")
        if text:
            print(f"      {text}")
    return len(medium), len(low)


def main():
    args = benchlib.parse_args(__doc__.splitlines()[0])
    if not os.path.exists(DATASET):
        print(f"humaneval: skipped, dataset not found at {DATASET}")
        return 0
    with gzip.open(DATASET, "rt", encoding="utf-8") as handle:
        problems = [json.loads(line) for line in handle if line.strip()]
    bandit = benchlib.peer("bandit")
    sources = {}
    with tempfile.TemporaryDirectory(prefix="asc-humaneval-") as work:
        for problem in problems:
            name = file_name(problem["task_id"])
            sources[name] = problem["prompt"] + problem["canonical_solution"]
            with open(os.path.join(work, name), "w", encoding="utf-8") as handle:
                handle.write(sources[name])
        if len(sources) != len(problems):
            sys.exit("humaneval: two task IDs map to the same file name")

        report, status, seconds, stderr = benchlib.run_json([args.tool, "scan", work, "--format", "json"])
        if report is None or status not in (0, 1):
            sys.exit(f"humaneval: autosafecoder exited {status}: {stderr.strip()[:500]}")
        print(f"HumanEval: {len(problems)} canonical solutions ({DATASET})")
        print(f"autosafecoder: {args.tool} ({benchlib.version_of([args.tool, '--version'])})")
        if bandit:
            print(f"bandit: {benchlib.version_of([bandit, '--version'])}")
        print()
        errors = report.get("errors", [])
        suppressed = sum(1 for f in report.get("findings", []) if f.get("suppressed"))
        note = (f"judged {report.get('summary', {}).get('files', '?')} files, {len(errors)} unparsable, "
                f"{suppressed} suppressed findings; gate exit status {status}")
        ours = report_tool("autosafecoder", benchlib.ours_findings(report), seconds, sources, note)
        for e in errors:
            print(f"  syntax error: {os.path.basename(e.get('file', ''))}:{e.get('line')}: {e.get('message')}")

        if bandit:
            report_b, status, seconds, stderr = benchlib.run_json([bandit, "-r", work, "-f", "json", "-q"])
            print()
            if report_b is None:
                print(f"bandit: no JSON (exit {status}): {stderr.strip()[:300]}")
            else:
                report_tool("bandit", benchlib.bandit_findings(report_b), seconds, sources,
                            f"{len(report_b.get('errors', []))} files not parsed")
        else:
            print("\nbandit: not installed (pip install bandit), left out")
    print()
    print(f"target: 0 findings of medium severity or above -> {'met' if ours[0] == 0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
