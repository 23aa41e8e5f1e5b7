#!/usr/bin/env python3
"""Validate the Plural-Forms header of .po files returned by freelancers.

For every catalog we compile the plural expression, evaluate it for
n = 0..200 and check that each index stays below nplurals.
"""
import argparse
import re
import sys
from pathlib import Path

HEADER_RE = re.compile(r'"Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\\n"')


def read_plural_header(po_path: Path):
    text = po_path.read_text(encoding="utf-8", errors="replace")
    m = HEADER_RE.search(text)
    if not m:
        return None
    return int(m.group(1)), m.group(2).strip()


def _strip_parens(expr: str) -> str:
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")"):
        depth = 0
        for i, ch in enumerate(expr):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and i < len(expr) - 1:
                return expr
        expr = expr[1:-1].strip()
    return expr


def _ternary(expr: str) -> str:
    expr = _strip_parens(expr)
    q = expr.find("?")
    if q == -1:
        return expr
    cond, rest = expr[:q], expr[q + 1:]
    depth = 0
    for i, ch in enumerate(rest):
        if ch == "?":
            depth += 1
        elif ch == ":":
            if depth == 0:
                return f"({_ternary(rest[:i])} if ({cond}) else {_ternary(rest[i + 1:])})"
            depth -= 1
    raise ValueError("unbalanced ternary in plural expression")


def c_to_python(expr: str) -> str:
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    return _ternary(expr)


def compile_plural(expr: str):
    py = c_to_python(expr)
    return eval(f"lambda n: int({py})", {"__builtins__": {}, "int": int})  # VULN flow


def check_file(po_path: Path) -> list:
    problems = []
    header = read_plural_header(po_path)
    if header is None:
        return [f"{po_path}: no Plural-Forms header"]
    nplurals, expr = header
    try:
        fn = compile_plural(expr)
    except (SyntaxError, ValueError) as exc:
        return [f"{po_path}: cannot compile plural expression: {exc}"]
    for n in range(201):
        idx = fn(n)
        if not 0 <= idx < nplurals:
            problems.append(f"{po_path}: n={n} gives index {idx} (nplurals={nplurals})")
            break
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path, help=".po files or folders")
    args = ap.parse_args(argv)

    files = []
    for p in args.paths:
        files.extend(sorted(p.rglob("*.po")) if p.is_dir() else [p])

    problems = []
    for f in files:
        problems.extend(check_file(f))
    for line in problems:
        print(line, file=sys.stderr)
    print(f"checked {len(files)} catalog(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
