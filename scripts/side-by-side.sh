#!/bin/bash
# Scans the CPython standard library with each given autosafecoder binary and with Ruff, in
# turn each round, and prints medians and the median of per-round ratios to Ruff: the fair way
# to compare two builds on a shared machine whose speed drifts between runs.
# usage: scripts/side-by-side.sh ROUNDS BINARY [BINARY ...]
set -euo pipefail
rounds=$1; shift
[ $# -ge 1 ] || { echo "usage: $0 ROUNDS BINARY [BINARY ...]" >&2; exit 2; }
command -v ruff >/dev/null || { echo "error: ruff is not on PATH (pip install ruff)" >&2; exit 2; }
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
times=$(mktemp); out=$(mktemp -d)
trap 'rm -rf "$times" "$out"' EXIT
binaries=()
for b in "$@"; do
  [ -x "$b" ] || { echo "error: $b: not an executable" >&2; exit 2; }
  binaries+=("$(realpath "$b")")
done
cd "$stdlib"
mapfile -t paths < <(ls | grep -v -e site-packages -e __pycache__)
for _ in $(seq "$rounds"); do
  for b in "${binaries[@]}"; do
    /usr/bin/time -f "$b %e %U %S" -a -o "$times" "$b" scan "${paths[@]}" --format json --output "$out/report.json" >/dev/null 2>&1 || true
  done
  /usr/bin/time -f "ruff %e %U %S" -a -o "$times" ruff check --select S --no-cache "${paths[@]}" >/dev/null 2>&1 || true
done
python3 - "$times" "${binaries[@]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
ruff = [float(r[1]) for r in rows if r[0] == "ruff"]
print(f"ruff: wall median {statistics.median(ruff):.2f} s")
for binary in sys.argv[2:]:
    wall = [float(r[1]) for r in rows if r[0] == binary]
    cpu = [float(r[2]) + float(r[3]) for r in rows if r[0] == binary]
    ratios = [a / b for a, b in zip(wall, ruff)]
    print(f"{binary}: wall median {statistics.median(wall):.2f} s, CPU median {statistics.median(cpu):.2f} s, "
          f"ratio to ruff median {statistics.median(ratios):.2f}x (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
PY
