#!/bin/sh
# Builds the release dump driver and compares its dumps with CPython's ast.dump over the stdlib.
# usage: scripts/parser-differential.sh [--no-attrs] [paths...]
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd)
(cd "$HERE" && swift build -c release --product parser-bench >/dev/null)
exec python3 "$HERE/scripts/parser-differential.py" --driver "$HERE/.build/release/parser-bench" "$@"
