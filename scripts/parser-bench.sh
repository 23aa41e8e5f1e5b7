#!/bin/bash
# Parser benchmark over the whole CPython stdlib: our PythonSyntax parser (1 thread and all cores)
# vs CPython's ast.parse loop vs `ruff check --select S --no-cache`, with peak memory (/usr/bin/time -v).
# usage: [ROUNDS=3] [REPEAT=5] scripts/parser-bench.sh [DIR]
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
NCPU=$(nproc)
# Linked like the shipped tool (`make release`): the Swift runtime static, its reference counting
# and allocation called directly instead of through the dynamic library's PLT.
(cd "$HERE" && swift build -c release --product parser-bench --static-swift-stdlib >/dev/null)
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

ROUNDS=${ROUNDS:-3}
REPEAT=${REPEAT:-5}
RESULTS=/tmp/parser-bench-results.txt
: > "$RESULTS"
record() { # label wall rss [inner seconds] [inner CPU seconds]
    echo "$1|${4:-$2}|$2|$3|${5:-}" >> "$RESULTS"
}
inner() { sed -n "s/.*$1=\([0-9.]*\)s.*/\1/p" /tmp/parser-bench-out.txt; }
cat > /tmp/parser-bench-cpython.py <<'PY'
import ast, sys, time, warnings
warnings.simplefilter('ignore')
files = open(sys.argv[1]).read().split()
datas = [open(f, 'rb').read() for f in files]
t0, c0 = time.perf_counter(), time.process_time()
for d in datas:
    try: ast.parse(d)
    except Exception: pass
print(f"time={time.perf_counter()-t0:.3f}s cpu={time.process_time()-c0:.3f}s")
PY
PYVER=$(python3 -c 'import platform; print(platform.python_version())')
RUFFVER=$(command -v ruff >/dev/null && ruff --version | cut -d' ' -f2)
# The machine is shared: every tool runs once per round, side by side, and the table gives medians.
for round in $(seq "$ROUNDS"); do
    # The single-core loop parses the corpus REPEAT times (about 3 s, where CPython's loop takes
    # 6 to 7 s) and reports the time per pass: on this shared machine a 0.6 s run either misses
    # or catches a slow spell whole (rounds came out 0.55 s or 0.95 s), while a longer run
    # averages over it as CPython's does.
    read W R < <(measure "$DRV" bench "$LIST" --threads 1 --repeat "$REPEAT")
    T=$(inner time); C=$(inner cpu)
    record "PythonSyntax (Swift), 1 thread" "$(echo "$W $T $REPEAT" | awk '{printf "%.3f", $1 - $2 + $2 / $3}')" "$R" \
        "$(echo "$T $REPEAT" | awk '{printf "%.4f", $1 / $2}')" "$(echo "$C $REPEAT" | awk '{printf "%.4f", $1 / $2}')"
    read W R < <(measure "$DRV" bench "$LIST" --threads "$NCPU")
    record "PythonSyntax (Swift), $NCPU threads" "$W" "$R" "$(inner time)" "$(inner cpu)"
    read W R < <(measure python3 /tmp/parser-bench-cpython.py "$LIST")
    record "CPython $PYVER ast.parse, 1 thread" "$W" "$R" "$(inner time)" "$(inner cpu)"
    if [ -n "$RUFFVER" ]; then
        read W R < <(measure ruff check --select S --no-cache --isolated --quiet --exit-zero "$DIR")
        record "ruff $RUFFVER check --select S, $NCPU thr" "$W" "$R"
    fi
done

python3 - "$RESULTS" "$NFILES" "$BYTES" "$ROUNDS" "$REPEAT" <<'PY'
import statistics, sys
path, n, b, rounds, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = {}
cpus = {}
for line in open(path):
    label, t, wall, rss, cpu = line.rstrip("\n").split("|")
    rows.setdefault(label, []).append((float(t), float(wall), int(rss)))
    if cpu:
        cpus.setdefault(label, []).append(float(cpu))
print()
print(f"Medians of {rounds} rounds:")
print()
print("| tool                                     | parse s  | files/s   | MB/s    | wall s   | peak MB  |")
print("|------------------------------------------|----------|-----------|---------|----------|----------|")
med = {}
for label, runs in rows.items():
    t = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    rss = max(r[2] for r in runs)
    med[label] = (t, wall)
    print(f"| {label:<40} | {t:8.2f} | {n/t:9.0f} | {b/t/1e6:7.2f} | {wall:8.2f} | {rss/1024:8.1f} |")
ours1 = next(v for k, v in med.items() if k.endswith("1 thread") and k.startswith("PythonSyntax"))
oursN = next((v for k, v in med.items() if k.startswith("PythonSyntax") and "threads" in k), None)
cpy = next(v for k, v in med.items() if k.startswith("CPython"))
ruff = next((v for k, v in med.items() if k.startswith("ruff")), None)
print()
print("(parse s = time spent parsing, excluding reading files; for ruff: wall clock incl. file reading and the S rules)")
print(f"(PythonSyntax 1 thread: per pass of a loop parsing the corpus {repeat} times; wall = reading once + one pass)")
per_round = [c[0] / o[0] for o, c in zip(rows[next(k for k in rows if k.startswith('PythonSyntax') and k.endswith('1 thread'))], rows[next(k for k in rows if k.startswith('CPython'))])]
# Each round's two runs are seconds apart, so their ratio is the least disturbed by the load of a
# shared machine drifting between rounds: the median of those is the headline.
print(f"single core: {statistics.median(per_round):.1f}x the throughput of CPython's ast.parse loop "
      f"(median of per-round ratios; ratio of the medians {cpy[0] / ours1[0]:.1f}x; target >= 10x)")
if ruff and oursN:
    print(f"all cores: whole corpus parsed in {oursN[1]:.2f} s wall vs ruff check {ruff[1]:.2f} s wall (target: less)")
print("per-round single-core ratios: " + ", ".join(f"{r:.1f}x" for r in per_round))
one = next(k for k in cpus if k.startswith('PythonSyntax') and k.endswith('1 thread'))
cpy_label = next(k for k in cpus if k.startswith('CPython'))
per_round_cpu = [c / o for o, c in zip(cpus[one], cpus[cpy_label])]
# CPU time counts only the time each loop ran, not the time it waited for a core on the shared
# machine, which falls unevenly on a 0.5 s run and a 6 s one.
print(f"single core by CPU time: {statistics.median(per_round_cpu):.1f}x (median of per-round ratios; "
      f"ours {statistics.median(cpus[one]):.2f} s, CPython {statistics.median(cpus[cpy_label]):.2f} s; per round "
      + ", ".join(f"{r:.1f}x" for r in per_round_cpu) + ")")
PY
