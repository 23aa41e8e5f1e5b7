#!/usr/bin/env python3
"""Batch-convert legacy client documents (doc/rtf/ppt/xls) before TM analysis.

Runs on the intake box against the folder where the client portal drops
uploaded source files.
"""
import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

SOFFICE = os.environ.get("SOFFICE_BIN", "/usr/bin/soffice")
SUPPORTED = {
    ".doc": "docx",
    ".rtf": "docx",
    ".odt": "docx",
    ".ppt": "pptx",
    ".xls": "xlsx",
}

log = logging.getLogger("intake.convert")


def build_command(src: Path, outdir: Path, target_fmt: str) -> list:
    return [
        SOFFICE, "--headless", "--norestore", "--convert-to", target_fmt,
        "--outdir", str(outdir), str(src.resolve()),
    ]


def convert_one(src: Path, outdir: Path, timeout: int) -> bool:
    target = SUPPORTED.get(src.suffix.lower())
    if target is None:
        log.warning("skipping unsupported file %r", src.name)
        return False
    cmd = build_command(src, outdir, target)
    log.debug("running %r", cmd)
    try:
        proc = subprocess.run(cmd, shell=False, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        log.error("conversion timed out for %r", src.name)
        return False
    if proc.returncode != 0:
        log.error("soffice failed for %r: %r", src.name, proc.stderr[-500:])
        return False
    return True


def iter_sources(inbox: Path, recursive: bool):
    pattern = "**/*" if recursive else "*"
    for p in sorted(inbox.glob(pattern)):
        if p.is_file() and not p.name.startswith("."):
            yield p


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inbox", type=Path, help="folder with uploaded client files")
    ap.add_argument("-o", "--outdir", type=Path, default=Path("converted"))
    ap.add_argument("-r", "--recursive", action="store_true")
    ap.add_argument("--timeout", type=int, default=180)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    args.outdir.mkdir(parents=True, exist_ok=True)

    ok = failed = 0
    for src in iter_sources(args.inbox, args.recursive):
        if convert_one(src, args.outdir, args.timeout):
            ok += 1
        else:
            failed += 1
    log.info("converted %d file(s), %d failed", ok, failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
