#!/bin/bash
# Parser benchmark over the whole CPython stdlib: our PythonSyntax parser (1 thread and all cores)
# vs CPython's ast.parse loop vs `ruff check --select S --no-cache`, with peak memory (/usr/bin/time -v).
# usage: scripts/parser-bench.sh [DIR]
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
NCPU=$(nproc)
(cd "$HERE" && swift build -c release --product parser-bench >/dev/null)
DRV="$HERE/.build/release/parser-bench"
LIST=/tmp/parser-bench-files.txt
find "$DIR" -name '*.py' -not -path '*/site-packages/*' | sort > "$LIST"
NFILES=$(wc -l < "$LIST")
BYTES=$(cat $(cat "$LIST") | wc -c)
echo "corpus: $DIR ($NFILES files, $BYTES bytes), cores: $NCPU"

measure() { # name, command...  -> prints "wall_s maxrss_kb"
    local out
    /usr/bin/time -v -o /tmp/parser-bench-time.txt "$@" > /tmp/parser-bench-out.txt 2>/dev/null || true
    out=$(cat /tmp/parser-bench-time.txt)
    local wall rss
    wall=$(echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(echo "$out" | awk -F': ' '/Maximum resident set size/ {print $2}')
    echo "$wall $rss"
}

row() { # label wall rss inner_seconds(optional)
    local label=$1 wall=$2 rss=$3 t=${4:-$2}
    python3 - "$label" "$t" "$wall" "$rss" "$NFILES" "$BYTES" <<'PY'
import sys
label, t, wall, rss, n, b = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"| {label:<40} | {t:8.2f} | {n/t:9.0f} | {b/t/1e6:7.2f} | {wall:8.2f} | {rss/1024:8.1f} |")
PY
}

echo
echo "| tool                                     | parse s  | files/s   | MB/s    | wall s   | peak MB  |"
echo "|------------------------------------------|----------|-----------|---------|----------|----------|"
read W R < <(measure "$DRV" bench "$LIST" --threads 1)
T=$(sed -n 's/.*time=\([0-9.]*\)s.*/\1/p' /tmp/parser-bench-out.txt)
row "PythonSyntax (Swift), 1 thread" "$W" "$R" "$T"
read W R < <(measure "$DRV" bench "$LIST" --threads "$NCPU")
T=$(sed -n 's/.*time=\([0-9.]*\)s.*/\1/p' /tmp/parser-bench-out.txt)
row "PythonSyntax (Swift), $NCPU threads" "$W" "$R" "$T"
cat > /tmp/parser-bench-cpython.py <<'PY'
import ast, sys, time, warnings
warnings.simplefilter('ignore')
files = open(sys.argv[1]).read().split()
datas = [open(f, 'rb').read() for f in files]
t0 = time.perf_counter()
for d in datas:
    try: ast.parse(d)
    except Exception: pass
print(f"time={time.perf_counter()-t0:.3f}s")
PY
read W R < <(measure python3 /tmp/parser-bench-cpython.py "$LIST")
T=$(sed -n 's/.*time=\([0-9.]*\)s.*/\1/p' /tmp/parser-bench-out.txt)
row "CPython $(python3 -c 'import platform; print(platform.python_version())') ast.parse, 1 thread" "$W" "$R" "$T"
if command -v ruff >/dev/null; then
    read W R < <(measure ruff check --select S --no-cache --isolated --quiet --exit-zero "$DIR")
    row "ruff $(ruff --version | cut -d' ' -f2) check --select S, $NCPU thr" "$W" "$R"
fi
echo
echo "(parse s = time spent parsing, excluding reading files; for ruff: wall clock incl. file reading and the S rules)"
