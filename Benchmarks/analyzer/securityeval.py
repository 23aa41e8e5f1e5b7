#!/usr/bin/env python3
"""SecurityEval: how many insecure samples each analyzer flags, and whether it names the right CWE.

Usage: python3 Benchmarks/analyzer/securityeval.py [--tool PATH] [--no-ruff]

Reads ../shared/datasets/securityeval.jsonl (121 samples; the CWE in each `ID` is the label),
writes every `Insecure_code` to its own file in a temporary directory, and runs once over that
directory: autosafecoder (`scan DIR --format json`), Bandit (`bandit -r DIR -f json -q`) and,
if installed, Ruff (`ruff check --select S`; S-codes mapped to Bandit ids, then to Bandit's CWEs
from ../shared/notes/bandit-checks.md).

  detection   a sample with at least one unsuppressed finding, of any severity
  CWE match   a finding whose CWE equals the label, or is its direct parent or child in the
              table below (nothing transitive, no siblings)
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

DATASET = os.path.join(benchlib.DATASETS, "securityeval.jsonl")

# Direct ChildOf relations (child, parent) from MITRE CWE 4.x, view 1000 "Research Concepts", as
# listed under "Relationships" on https://cwe.mitre.org/data/definitions/<child>.html.
# Only parent/child pairs are here: relations MITRE gives as CanPrecede/PeerOf, siblings, and
# category membership are deliberately left out, e.g.
#   611/776/827 (XXE; entity expansion is ChildOf 405 and 674; DTD control is ChildOf 706 and 829),
#   22/73 (73 CanPrecede 22), 79/116 (79 is ChildOf 74), 502/20 (502 is ChildOf 913),
#   78/88 (siblings under 77), 326/327 (siblings under 693), 730 (a category, not a weakness).
RELATED = [
    (78, 77, "CWE-78 OS command injection ChildOf CWE-77 command injection"),
    (88, 77, "CWE-88 argument injection ChildOf CWE-77"),
    (89, 943, "CWE-89 SQL injection ChildOf CWE-943 data query logic"),
    (90, 943, "CWE-90 LDAP injection ChildOf CWE-943"),
    (643, 943, "CWE-643 XPath injection ChildOf CWE-943"),
    (95, 94, "CWE-95 eval injection ChildOf CWE-94 code injection"),
    (96, 94, "CWE-96 static code injection ChildOf CWE-94"),
    (1336, 94, "CWE-1336 template engine injection ChildOf CWE-94"),
    (23, 22, "CWE-23 relative path traversal ChildOf CWE-22"),
    (36, 22, "CWE-36 absolute path traversal ChildOf CWE-22"),
    (80, 79, "CWE-80 basic XSS ChildOf CWE-79"),
    (117, 116, "CWE-117 log neutralization ChildOf CWE-116 encoding/escaping of output"),
    (113, 93, "CWE-113 HTTP response splitting ChildOf CWE-93 CRLF injection"),
    (259, 798, "CWE-259 hard-coded password ChildOf CWE-798 hard-coded credentials"),
    (261, 522, "CWE-261 weak encoding for password ChildOf CWE-522 insufficiently protected credentials"),
    (321, 798, "CWE-321 hard-coded cryptographic key ChildOf CWE-798"),
    (328, 327, "CWE-328 weak hash ChildOf CWE-327 broken/risky crypto algorithm"),
    (328, 326, "CWE-328 weak hash ChildOf CWE-326 inadequate encryption strength"),
    (916, 328, "CWE-916 password hash with insufficient effort ChildOf CWE-328"),
    (759, 916, "CWE-759 one-way hash without a salt ChildOf CWE-916"),
    (760, 916, "CWE-760 one-way hash with a predictable salt ChildOf CWE-916"),
    (329, 1204, "CWE-329 predictable IV with CBC ChildOf CWE-1204 weak IV"),
    (331, 330, "CWE-331 insufficient entropy ChildOf CWE-330 insufficiently random values"),
    (338, 330, "CWE-338 weak PRNG ChildOf CWE-330"),
    (339, 335, "CWE-339 small seed space ChildOf CWE-335 PRNG seed"),
    (379, 377, "CWE-379 temp file in insecure directory ChildOf CWE-377 insecure temporary file"),
    (378, 377, "CWE-378 temp file with insecure permissions ChildOf CWE-377"),
    (209, 200, "CWE-209 sensitive information in error message ChildOf CWE-200"),
    (215, 200, "CWE-215 sensitive information in debugging code ChildOf CWE-200"),
    (250, 269, "CWE-250 unnecessary privileges ChildOf CWE-269 improper privilege management"),
    (732, 285, "CWE-732 incorrect permission assignment ChildOf CWE-285 improper authorization"),
    (754, 703, "CWE-754 unusual conditions unchecked ChildOf CWE-703"),
    (755, 703, "CWE-755 exceptional conditions mishandled ChildOf CWE-703"),
    (770, 400, "CWE-770 allocation without limits ChildOf CWE-400 uncontrolled resource consumption"),
    (614, 319, "CWE-614 sensitive cookie without 'Secure' ChildOf CWE-319 cleartext transmission"),
]
PAIRS = {frozenset((child, parent)) for child, parent, _ in RELATED}


def cwe_matches(found, label):
    return found is not None and (found == label or frozenset((found, label)) in PAIRS)


def load_samples():
    samples = []
    with open(DATASET, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                samples.append((row["ID"], benchlib.cwe_number(row["ID"].split("_")[0]), row["Insecure_code"]))
    return samples


def file_name(sample_id):
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in sample_id)
    return name if name.endswith(".py") else name + ".py"


def score(samples, grouped):
    """-> (detected ids, matched ids) for one tool's findings grouped by file basename."""
    detected, matched = set(), set()
    for sample_id, label, _ in samples:
        found = grouped.get(file_name(sample_id), [])
        if found:
            detected.add(sample_id)
        if any(cwe_matches(f["cwe"], label) for f in found):
            matched.add(sample_id)
    return detected, matched


def pct(part, whole):
    return f"{100.0 * part / whole:5.1f}%" if whole else "   n/a"


def main():
    args = benchlib.parse_args(__doc__.splitlines()[0], lambda p: p.add_argument(
        "--no-ruff", action="store_true", help="leave Ruff out even if installed"))
    if not os.path.exists(DATASET):
        print(f"securityeval: skipped, dataset not found at {DATASET}")
        return 0
    samples = load_samples()
    total = len(samples)
    names = [file_name(s[0]) for s in samples]
    if len(set(names)) != total:
        sys.exit("securityeval: two sample IDs map to the same file name")

    bandit, ruff = benchlib.peer("bandit"), None if args.no_ruff else benchlib.peer("ruff")
    table = benchlib.bandit_table()
    results = {}  # tool -> (findings grouped by basename, seconds, note)
    with tempfile.TemporaryDirectory(prefix="asc-securityeval-") as work:
        for (sample_id, _, code), name in zip(samples, names):
            with open(os.path.join(work, name), "w", encoding="utf-8") as handle:
                handle.write(code)

        report, status, seconds, stderr = benchlib.run_json([args.tool, "scan", work, "--format", "json"])
        if report is None or status not in (0, 1):
            sys.exit(f"securityeval: autosafecoder exited {status}: {stderr.strip()[:500]}")
        errors = [os.path.basename(e.get("file", "")) for e in report.get("errors", [])]
        note = f"judged {report.get('summary', {}).get('files', '?')} files, {len(errors)} unparsable"
        results["autosafecoder"] = (benchlib.by_file(benchlib.ours_findings(report)), seconds, note)

        if bandit:
            report_b, status, seconds, stderr = benchlib.run_json([bandit, "-r", work, "-f", "json", "-q"])
            if report_b is None:
                print(f"securityeval: bandit gave no JSON (exit {status}): {stderr.strip()[:300]}")
            else:
                berrors = len(report_b.get("errors", []))
                results["bandit"] = (benchlib.by_file(benchlib.bandit_findings(report_b)), seconds,
                                     f"{berrors} files not parsed")
        if ruff:
            report_r, status, seconds, stderr = benchlib.run_json(
                [ruff, "check", "--select", "S", "--no-cache", "--output-format", "json", work])
            if report_r is None:
                print(f"securityeval: ruff gave no JSON (exit {status}): {stderr.strip()[:300]}")
            else:
                rerrors = sum(1 for f in report_r if not f.get("code"))
                cwe_note = "" if table else "; no Bandit CWE table, so no CWE match"
                results["ruff"] = (benchlib.by_file(benchlib.ruff_findings(report_r, table)), seconds,
                                   f"{rerrors} syntax errors reported{cwe_note}")

    print(f"SecurityEval: {total} samples, {len({s[1] for s in samples})} CWE labels ({DATASET})")
    print(f"autosafecoder: {args.tool} ({benchlib.version_of([args.tool, '--version'])})")
    if bandit:
        print(f"bandit: {benchlib.version_of([bandit, '--version'])}")
    else:
        print("bandit: not installed (pip install bandit), left out")
    if ruff:
        print(f"ruff: {benchlib.version_of([ruff, '--version'])}; S-codes -> Bandit ids -> CWEs from "
              f"{os.path.relpath(benchlib.BANDIT_NOTES, benchlib.REPO)} ({len(table)} ids)")
    print()
    print("CWE relations counted as a match (direct ChildOf, MITRE CWE 4.x research view 1000):")
    for child, parent, _ in RELATED:
        print(f"  CWE-{child} -> CWE-{parent}")
    print()

    scores = {tool: score(samples, grouped) for tool, (grouped, _, _) in results.items()}
    rows = []
    for tool, (grouped, seconds, note) in results.items():
        detected, matched = scores[tool]
        count = sum(len(v) for v in grouped.values())
        rows.append((tool, pct(len(detected), total), pct(len(matched), total),
                     f"{len(detected)}/{total}", f"{len(matched)}/{total}", count, f"{seconds:.2f}s", note))
    benchlib.print_table(["tool", "detection", "CWE match", "detected", "matched", "findings", "time", "note"], rows)

    print()
    print("Medium severity or above only (Ruff has no severity):")
    rows = []
    for tool in ("autosafecoder", "bandit"):
        if tool not in results:
            continue
        grouped = {k: benchlib.at_least(v, "medium") for k, v in results[tool][0].items()}
        grouped = {k: v for k, v in grouped.items() if v}
        detected, matched = score(samples, grouped)
        rows.append((tool + " (medium+)", pct(len(detected), total), pct(len(matched), total),
                     f"{len(detected)}/{total}", f"{len(matched)}/{total}"))
    benchlib.print_table(["tool", "detection", "CWE match", "detected", "matched"], rows)

    # Per label CWE.
    labels = sorted({s[1] for s in samples})
    tools = list(results)
    print()
    print("Per label CWE: detected/matched samples for each tool (" + ", ".join(tools) + ")")
    rows = []
    for label in labels:
        ids = [s[0] for s in samples if s[1] == label]
        cells = [f"{sum(i in scores[t][0] for i in ids)}/{sum(i in scores[t][1] for i in ids)}" for t in tools]
        rows.append((f"CWE-{label}", len(ids), *cells))
    benchlib.print_table(["label", "n", *[f"{t} det/match" for t in tools]], rows)

    undetected = [l for l in labels
                  if not any(s[0] in scores[t][0] for t in tools for s in samples if s[1] == l)]
    unmatched = [l for l in labels
                 if not any(s[0] in scores[t][1] for t in tools for s in samples if s[1] == l)]
    print()
    print(f"Labels no tool detects in any sample ({len(undetected)}): "
          + (", ".join(f"CWE-{l}" for l in undetected) or "none"))
    print(f"Labels no tool matches by CWE in any sample ({len(unmatched)}): "
          + (", ".join(f"CWE-{l}" for l in unmatched) or "none"))

    ours_detected, ours_matched = scores["autosafecoder"]
    ours_grouped = results["autosafecoder"][0]
    missed = [s for s in samples if s[0] not in ours_detected]
    print()
    print(f"Samples autosafecoder does not flag at all ({len(missed)}):")
    for sample_id, label, _ in missed:
        others = [t for t in tools if t != "autosafecoder" and sample_id in scores[t][0]]
        print(f"  {sample_id}" + (f"   (flagged by {', '.join(others)})" if others else ""))
    wrong = [s for s in samples if s[0] in ours_detected and s[0] not in ours_matched]
    print()
    print(f"Samples autosafecoder flags but without a matching CWE ({len(wrong)}): label -> what we report")
    for sample_id, label, _ in wrong:
        found = sorted({f"{f['rule']}/CWE-{f['cwe']}" for f in ours_grouped.get(file_name(sample_id), [])})
        others = [t for t in tools if t != "autosafecoder" and sample_id in scores[t][1]]
        print(f"  {sample_id}: " + ", ".join(found) + (f"   (matched by {', '.join(others)})" if others else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
