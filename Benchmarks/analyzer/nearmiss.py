#!/usr/bin/env python3
"""Near-miss corpus: line-level precision, recall and F1 on vulnerable files, and how many safe
look-alikes each analyzer flags, beside Bandit and Ruff in the same run.

Usage: python3 Benchmarks/analyzer/nearmiss.py [--tool PATH] [--corpus DIR] [--no-ruff] [--verbose]

The corpus is `Benchmarks/analyzer/nearmiss/`: `vulnerable/*.py` mark each vulnerable line with
`# VULN` (`# VULN flow` where the untrusted data reaches the sink through a variable, a helper,
a parameter or an attribute, so only data flow can tell it from safe code); `safe/*.py` hold the
safe near-misses (validated input, parameterised queries, safe loaders, allow-lists, constants).
A finding counts on the line it starts on. A vulnerable line with a finding is a true positive;
every other (file, line) with a finding is a false positive. Figures are given for all findings
and for medium severity and above (Ruff has no severity).

This corpus was written by us while looking for our own misses and false alarms: it is a
development set, not the held-out corpus the issue measures against. `--corpus DIR` scores any
other corpus laid out the same way (`DIR/vulnerable`, `DIR/safe`), such as one written blind.
"""
import os
import re
import sys

import benchlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "nearmiss")


def truth():
    lines, flow = set(), set()
    for name in sorted(os.listdir(os.path.join(CORPUS, "vulnerable"))):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(CORPUS, "vulnerable", name), encoding="utf-8") as handle:
            for number, text in enumerate(handle, 1):
                match = re.search(r"#\s*VULN(\s+flow)?\s*$", text)
                if match:
                    lines.add((name, number))
                    if match.group(1):
                        flow.add((name, number))
    return lines, flow


def score(findings_by_dir, vulnerable, flow, safe_files):
    """findings_by_dir: {"vulnerable": [...], "safe": [...]} of normalised findings."""
    flagged = {(os.path.basename(f["file"]), f["line"]) for f in findings_by_dir["vulnerable"]}
    hits = vulnerable & flagged
    false_lines = (flagged - vulnerable) | {("safe/" + os.path.basename(f["file"]), f["line"]) for f in findings_by_dir["safe"]}
    precision = len(hits) / (len(hits) + len(false_lines)) if hits or false_lines else 0.0
    recall = len(hits) / len(vulnerable) if vulnerable else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    safe_flagged = sorted({os.path.basename(f["file"]) for f in findings_by_dir["safe"]})
    return {
        "tp": len(hits), "fp": len(false_lines), "precision": precision, "recall": recall, "f1": f1,
        "flow_recall": len(flow & flagged) / len(flow) if flow else 0.0,
        "safe_flagged": safe_flagged, "safe_total": len(safe_files),
        "missed": sorted(vulnerable - flagged), "false": sorted(false_lines),
    }


def main():
    args = benchlib.parse_args(__doc__.splitlines()[0], lambda parser: (
        parser.add_argument("--no-ruff", action="store_true", help="leave Ruff out even if installed"),
        parser.add_argument("--verbose", action="store_true", help="list misses and false alarms per tool"),
        parser.add_argument("--corpus", help="a corpus directory with vulnerable/ and safe/ (default: nearmiss/ here)")))
    global CORPUS
    if args.corpus:
        CORPUS = os.path.abspath(args.corpus)
        if not (os.path.isdir(os.path.join(CORPUS, "vulnerable")) and os.path.isdir(os.path.join(CORPUS, "safe"))):
            print(f"nearmiss: {args.corpus}: needs vulnerable/ and safe/ directories", file=sys.stderr)
            return 2
    vulnerable, flow = truth()
    safe_files = [n for n in os.listdir(os.path.join(CORPUS, "safe")) if n.endswith(".py")]
    bandit = benchlib.peer("bandit")
    ruff = None if args.no_ruff else benchlib.peer("ruff")
    table = benchlib.bandit_table()
    runs = {}

    def collect(name, command, normalise):
        per_dir = {}
        for part in ("vulnerable", "safe"):
            report, status, _, stderr = benchlib.run_json(command(os.path.join(CORPUS, part)))
            if report is None:
                print(f"nearmiss: {name} gave no JSON (exit {status}): {stderr.strip()[:300]}")
                return
            per_dir[part] = normalise(report)
        runs[name] = per_dir

    collect("autosafecoder", lambda d: [args.tool, "scan", d, "--format", "json"], benchlib.ours_findings)
    if bandit:
        collect("bandit", lambda d: [bandit, "-r", d, "-f", "json", "-q"], benchlib.bandit_findings)
    if ruff:
        collect("ruff", lambda d: [ruff, "check", "--select", "S", "--no-cache", "--isolated", "--output-format", "json", d],
                lambda report: benchlib.ruff_findings(report, table))

    print(f"Near-miss corpus: {len(vulnerable)} vulnerable lines ({len(flow)} needing data flow) in "
          f"{len(os.listdir(os.path.join(CORPUS, 'vulnerable')))} files, {len(safe_files)} safe files")
    print(f"autosafecoder: {args.tool} ({benchlib.version_of([args.tool, '--version'])})")
    if bandit:
        print(f"bandit: {benchlib.version_of([bandit, '--version'])}")
    if ruff:
        print(f"ruff: {benchlib.version_of([ruff, '--version'])}")
    print()
    rows, details = [], []
    for name, per_dir in runs.items():
        variants = [(name, per_dir)]
        if name != "ruff":
            variants.append((f"{name} (medium+)", {k: benchlib.at_least(v, "medium") for k, v in per_dir.items()}))
        for label, findings in variants:
            s = score(findings, vulnerable, flow, safe_files)
            rows.append([label, f"{s['f1']:.2f}", f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['flow_recall']:.2f}",
                         s["tp"], s["fp"], f"{len(s['safe_flagged'])}/{s['safe_total']}"])
            details.append((label, s))
    benchlib.print_table(["tool", "F1", "precision", "recall", "flow recall", "TP lines", "FP lines", "safe flagged"], rows)
    if args.verbose:
        for label, s in details:
            print(f"\n{label}: missed {len(s['missed'])}, false {len(s['false'])}, safe files flagged {s['safe_flagged']}")
            for file, line in s["missed"]:
                print(f"  miss  {file}:{line}")
            for file, line in s["false"]:
                print(f"  false {file}:{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
