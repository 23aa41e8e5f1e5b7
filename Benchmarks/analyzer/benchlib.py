"""Shared helpers for the analyzer benchmarks (standard library only).

Bandit and Ruff are peers we compare with; they are run as external commands when installed and
never imported. Nothing here knows about particular samples: every figure comes from the tools'
own JSON output.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
DATASETS = os.path.join(SHARED, "datasets")
BANDIT_NOTES = os.path.join(SHARED, "notes", "bandit-checks.md")
DEFAULT_TOOL = os.path.join(REPO, ".build", "release", "autosafecoder")

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}


def parse_args(description, extra=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--tool", default=DEFAULT_TOOL,
                        help=f"path to the autosafecoder binary (default: {os.path.relpath(DEFAULT_TOOL)})")
    if extra:
        extra(parser)
    args = parser.parse_args()
    args.tool = os.path.abspath(args.tool)
    if not os.access(args.tool, os.X_OK):
        sys.exit(f"bench: {args.tool} is not built (make release, or pass --tool)")
    return args


def cwe_number(text):
    """'CWE-078' / 'CWE-78' / 78 / '78' -> 78; anything else -> None."""
    if text is None:
        return None
    if isinstance(text, int):
        return text
    match = re.search(r"(\d+)", str(text))
    return int(match.group(1)) if match else None


def version_of(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr).strip() else "?"


def peer(name):
    """Path of an installed peer tool (bandit, ruff), or None."""
    return shutil.which(name)


def run_json(command, cwd=None):
    """Runs command; returns (parsed stdout JSON or None, exit status, seconds, stderr)."""
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    elapsed = time.perf_counter() - start
    try:
        data = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError:
        data = None
    return data, proc.returncode, elapsed, proc.stderr


# --- Normalised findings: dicts {file, line, rule, cwe (int|None), severity (low/medium/high|None)} ---

def ours_findings(report):
    """Unsuppressed findings from an autosafecoder JSON report."""
    result = []
    for f in report.get("findings", []):
        if f.get("suppressed"):
            continue
        result.append({"file": f.get("file", ""), "line": f.get("line", 0), "rule": f.get("code", "?"),
                       "cwe": cwe_number(f.get("cwe")), "severity": (f.get("severity") or "").lower() or None,
                       "message": f.get("message", "")})
    return result


def bandit_findings(report):
    result = []
    for f in (report or {}).get("results", []):
        cwe = (f.get("issue_cwe") or {}).get("id")
        result.append({"file": f.get("filename", ""), "line": f.get("line_number", 0), "rule": f.get("test_id", "?"),
                       "cwe": cwe_number(cwe), "severity": (f.get("issue_severity") or "").lower() or None,
                       "message": f.get("issue_text", "")})
    return result


def bandit_table(path=BANDIT_NOTES):
    """Bandit id -> (CWE number, default severity text) from the notes' inventory table, or {}."""
    table = {}
    if not os.path.exists(path):
        return table
    row = re.compile(r"^\|\s*(B\d{3})\s*\|\s*[^|]*\|\s*CWE-(\d+)\s*\|\s*([^|]*)\|")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = row.match(line)
            if match:
                table[match.group(1)] = (int(match.group(2)), match.group(3).strip())
    return table


def ruff_findings(report, table):
    """Ruff S-codes mapped to Bandit ids (S602 -> B602), then to Bandit's CWE from the notes.
    Ruff has no severity; syntax errors (no code) are not findings."""
    result = []
    for f in report or []:
        code = f.get("code")
        if not code or not code.startswith("S"):
            continue
        bandit_id = "B" + code[1:]
        cwe = table.get(bandit_id, (None, None))[0]
        result.append({"file": f.get("filename", ""), "line": (f.get("location") or {}).get("row", 0), "rule": code,
                       "cwe": cwe, "severity": None, "message": f.get("message", "")})
    return result


def by_file(findings):
    """basename -> [findings]"""
    grouped = {}
    for f in findings:
        grouped.setdefault(os.path.basename(f["file"]), []).append(f)
    return grouped


def at_least(findings, severity):
    floor = SEVERITY_RANK[severity]
    return [f for f in findings if SEVERITY_RANK.get(f["severity"] or "", 0) >= floor]


def print_table(headers, rows, indent=""):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(str(h))
              for i, h in enumerate(headers)]
    line = lambda cells: indent + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                           for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(headers))
    print(indent + "  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
