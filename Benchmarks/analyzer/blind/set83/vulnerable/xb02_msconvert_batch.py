#!/usr/bin/env python3
"""Batch-convert raw LC-MS exports dropped by instrument PCs into mzML.

Each acquisition PC writes a folder with raw files and a manifest.json
describing the runs and any msconvert filters the analyst picked.
"""
import argparse
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("msconvert-batch")
CONVERTER = "/opt/pwiz/msconvert"
DEFAULT_OUT = "/data/mzml"


def load_manifest(drop_dir: Path) -> list:
    with open(drop_dir / "manifest.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return data.get("runs", [])


def build_command(raw_file: str, out_dir: str, filters: list) -> str:
    parts = [CONVERTER, "--mzML", "--zlib", "-o", out_dir]
    for flt in filters:
        parts.append('--filter "%s"' % flt)
    parts.append('"%s"' % raw_file)
    return " ".join(parts)


def convert_run(run: dict, drop_dir: Path, out_dir: str) -> int:
    raw = str(drop_dir / Path(run["file"]).name)
    cmd = build_command(raw, out_dir, run.get("filters", []))
    log.info("converting %r", run["file"])
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        log.error("msconvert failed for %r: %s", run["file"], proc.stderr[-400:])
    return proc.returncode


def archive(drop_dir: Path, archive_root: Path) -> None:
    target = archive_root / drop_dir.name
    shutil.move(str(drop_dir), str(target))
    log.info("archived %s -> %s", drop_dir, target)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Convert instrument drop folders to mzML")
    ap.add_argument("drop_dirs", nargs="+", type=Path)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--archive", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")

    failures = 0
    for drop in args.drop_dirs:
        try:
            runs = load_manifest(drop)
        except (OSError, ValueError) as exc:
            log.error("skipping %s: %s", drop, exc)
            failures += 1
            continue
        drop_failures = sum(1 for run in runs if convert_run(run, drop, args.out) != 0)
        failures += drop_failures
        if args.archive and not drop_failures:
            archive(drop, args.archive)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
