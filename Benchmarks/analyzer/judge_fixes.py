#!/usr/bin/env python3
"""Judge the built-in agent's SecurityEval fixes with our analyzer and, independently, Bandit.

For each sample flagged with its labelled CWE before the loop, is a finding of that CWE left
after it? Our analyzer's answer comes from `eval --verbose`; Bandit's from running Bandit on the
original and on the fixed code (`eval --write-fixed`) and reading the CWE of each issue.

Usage: python3 Benchmarks/analyzer/judge_fixes.py [path/to/autosafecoder] [--dataset FILE]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def bandit_cwes(paths, bandit):
    """CWE ids of the issues Bandit reports, per file (any severity)."""
    out = {}
    if not paths:
        return out
    result = subprocess.run([bandit, "-q", "-f", "json", *paths], capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return out
    for issue in report.get("results", []):
        cwe = (issue.get("issue_cwe") or {}).get("id")
        out.setdefault(os.path.basename(issue["filename"]), set()).add(cwe)
    return out


def main():
    args = sys.argv[1:]
    dataset = "../shared/datasets/securityeval.jsonl"
    if "--dataset" in args:
        index = args.index("--dataset")
        dataset = args[index + 1]
        del args[index:index + 2]
    tool = os.path.abspath(args[0] if args else ".build/release/autosafecoder")
    if not os.path.exists(dataset):
        print(f"judge: {dataset} not found; skipping")
        return
    work = tempfile.mkdtemp(prefix="asc-judge-")
    try:
        fixed_dir = os.path.join(work, "fixed")
        original_dir = os.path.join(work, "original")
        os.makedirs(original_dir)
        verbose = subprocess.run([tool, "eval", "--dataset", dataset, "--from-insecure-code", "--verbose", "--write-fixed", fixed_dir],
                                 capture_output=True, text=True, check=True).stdout
        ours = {}
        for line in verbose.splitlines():
            if line.startswith("CWE-") and ": " in line:
                ident, rest = line.split(" ", 1)
                ours[ident] = rest.split(": ", 1)[1] == "fixed"
        labels = {}
        with open(dataset) as handle:
            for line in handle:
                record = json.loads(line)
                labels[record["ID"]] = int(record["ID"].split("_")[0].split("-")[1])
                with open(os.path.join(original_dir, record["ID"]), "w") as out:
                    out.write(record["Insecure_code"])
        print(f"our analyzer: {sum(ours.values())} of {len(ours)} flagged samples end with no finding of their CWE "
              f"({100 * sum(ours.values()) / max(1, len(ours)):.1f}%)")
        bandit = shutil.which("bandit")
        if not bandit:
            print("bandit not installed (pip install bandit): the independent judgement is skipped")
            return
        before = bandit_cwes([os.path.join(original_dir, i) for i in labels], bandit)
        after = bandit_cwes([os.path.join(fixed_dir, i) for i in labels if os.path.exists(os.path.join(fixed_dir, i))], bandit)
        flagged = [i for i in labels if labels[i] in before.get(i, set())]
        gone = [i for i in flagged if labels[i] not in after.get(i, set())]
        print(f"bandit: {len(gone)} of {len(flagged)} samples it flags with their CWE end without it "
              f"({100 * len(gone) / max(1, len(flagged)):.1f}%)")
        # The issue's measure: of the samples OUR analyzer flags with their CWE, how many have no
        # Bandit issue of that CWE in the fixed code.
        clean_by_bandit = [i for i in ours if labels[i] not in after.get(i, set())]
        both_clean = [i for i in ours if ours[i] and labels[i] not in after.get(i, set())]
        print(f"of the {len(ours)} samples our analyzer flags: no Bandit issue of their CWE in the fixed code: {len(clean_by_bandit)} "
              f"({100 * len(clean_by_bandit) / max(1, len(ours)):.1f}%); clean by both judgements: {len(both_clean)} "
              f"({100 * len(both_clean) / max(1, len(ours)):.1f}%)")
        both = [i for i in ours if i in flagged]
        print(f"samples both tools flag with their CWE: {len(both)}; fixed by both judgements: "
              f"{sum(1 for i in both if ours[i] and i in gone)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
