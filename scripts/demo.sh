#!/bin/sh
# The README's main job on the built-in defaults (no LLM key, no network): a throwaway git
# repository gets a vulnerable Python change, and the pre-commit gate judges it.
set -eu

binary=$(cd "$(dirname "${1:-.build/release/autosafecoder}")" && pwd)/$(basename "${1:-.build/release/autosafecoder}")
[ -x "$binary" ] || { echo "demo: $binary is missing; run 'make release' first" >&2; exit 2; }
hook=$(cd "$(dirname "$0")/.." && pwd)/hooks/pre-commit

work=$(mktemp -d "${TMPDIR:-/tmp}/autosafecoder-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. A throwaway repository with one clean commit ($work)"
cd "$work"
git init -q -b main
git config user.name "Demo"
git config user.email "demo@example.com"
mkdir -p app
cat > app/tools.py <<'PY'
def greet(name: str) -> str:
    return "hello " + name
PY
git add app/tools.py
git commit -q -m "initial"
git log --oneline

step "2. The pre-commit hook is installed (hooks/pre-commit runs 'autosafecoder scan --staged')"
mkdir -p bin
ln -s "$binary" bin/autosafecoder
cp "$hook" .git/hooks/pre-commit
PATH="$work/bin:$PATH"
export PATH

step "3. A vulnerable change is staged: a shell command built from input, and an unsafe YAML load"
cat > app/tools.py <<'PY'
import subprocess as sp
import yaml


def greet(name: str) -> str:
    return "hello " + name


def archive(folder: str) -> None:
    sp.run("tar czf backup.tgz " + folder, shell=True)


def load_settings(path: str) -> dict:
    """Settings from a YAML file.

    Raises:
        OSError: if the file cannot be read.
        yaml.YAMLError: if it is not valid YAML.
    """
    with open(path) as handle:
        return yaml.load(handle)
PY
git add app/tools.py
git diff --cached --stat

step "4. git commit runs the gate: it must refuse"
if git commit -q -m "add archive and settings"; then
    echo "demo: UNEXPECTED: the vulnerable commit went through" >&2
    exit 1
fi
echo "-> commit refused (exit status 1 from the gate), nothing was committed:"
git log --oneline

step "5. autosafecoder fix --staged: verified fixes on a side branch (working tree, index and HEAD untouched)"
before=$(git status --porcelain; git rev-parse HEAD; sha1sum .git/index app/tools.py)
autosafecoder fix --staged
after=$(git status --porcelain; git rev-parse HEAD; sha1sum .git/index app/tools.py)
[ "$before" = "$after" ] && echo "-> working tree, index and HEAD are byte-for-byte unchanged"
branch=$(git for-each-ref --format='%(refname:short)' 'refs/heads/autosafecoder/fix/*' | head -n 1)
git log --oneline -3 "$branch"
git diff "$branch~1" "$branch"

step "6. Apply the fix branch to the staged change and commit: the gate passes"
git diff "$branch~1" "$branch" | git apply --index
git commit -q -m "add archive and settings"
git log --oneline

step "7. The JSON report of the whole tree, for CI"
autosafecoder scan --all --format json | head -n 20
echo "demo: done"
