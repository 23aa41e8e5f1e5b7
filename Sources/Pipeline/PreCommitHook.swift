/// The pre-commit hook `install` writes. The same text is `hooks/pre-commit` in the
/// repository; a test keeps the two identical.
public enum PreCommitHook {
    /// Marks a hook as ours, so `install` may update it and `uninstall` may remove it.
    public static let marker = "AutoSafeCoder pre-commit hook"

    public static let script = #"""
#!/bin/sh
# AutoSafeCoder pre-commit hook: judges what is staged (the index, not the working tree).
# Install with `autosafecoder install` (or copy to the hooks directory git uses).
# Skip once: AUTOSAFECODER_SKIP=1 git commit ...   (or git commit --no-verify)

# A hook that was here before `autosafecoder install --chain` runs first.
chained="$(dirname "$0")/pre-commit.chained"
if [ -x "$chained" ]; then
    "$chained" "$@" || exit $?
fi

if [ "${AUTOSAFECODER_SKIP:-}" = "1" ]; then
    echo "autosafecoder: skipped (AUTOSAFECODER_SKIP=1)" >&2
    exit 0
fi

if ! command -v autosafecoder >/dev/null 2>&1; then
    echo "autosafecoder: the 'autosafecoder' binary is not on PATH; install it (make release, then copy" >&2
    echo "  .build/release/autosafecoder into a directory on PATH) or bypass with git commit --no-verify" >&2
    exit 1
fi

exec autosafecoder scan --staged

"""#
}
