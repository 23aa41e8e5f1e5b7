#!/bin/sh
# Builds the release dump driver and compares its dumps with CPython's ast.dump over the stdlib.
# usage: scripts/parser-differential.sh [--no-attrs] [paths...]
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd)
DEV=${PARSER_DEV:-/tmp/parserdev}
mkdir -p "$DEV/Sources"
ln -sfn "$HERE/Sources/PythonSyntax" "$DEV/Sources/PythonSyntax"
ln -sfn "$HERE/Benchmarks/parser" "$DEV/Sources/parser-bench"
cat > "$DEV/Package.swift" <<'PKG'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "parserdev", targets: [
    .target(name: "PythonSyntax"),
    .executableTarget(name: "parser-bench", dependencies: ["PythonSyntax"]),
])
PKG
(cd "$DEV" && swift build -c release >/dev/null)
exec python3 "$HERE/scripts/parser-differential.py" --driver "$DEV/.build/release/parser-bench" "$@"
