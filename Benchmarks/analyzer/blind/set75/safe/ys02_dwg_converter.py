#!/usr/bin/env python3
"""Watch-folder batch converter: DWG drawings dropped by subcontractors -> DXF.

Runs from cron every few minutes on the drawing server. Subcontractors upload
through the SFTP drop box, which lands files in the inbox folder.
"""
import argparse
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

ODA_BIN = os.environ.get("ODA_CONVERTER", "/opt/ODAFileConverter/ODAFileConverter")
VERSIONS = ("ACAD2013", "ACAD2018")

log = logging.getLogger("dwg2dxf")


def pending_drawings(inbox: Path):
    for entry in sorted(inbox.iterdir()):
        if entry.is_file() and entry.suffix.lower() == ".dwg":
            yield entry


def convert(drawing: Path, outdir: Path, version: str) -> bool:
    staging = outdir / ".staging"
    staging.mkdir(parents=True, exist_ok=True)
    # the ODA converter works on whole folders, so use the file name as the filter mask
    cmd = [
        ODA_BIN, str(drawing.parent), str(staging), version, "DXF", "0", "1", drawing.name,
    ]
    log.info("converting %r", drawing.name)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("converter failed for %r: %r", drawing.name, proc.stderr.strip()[:500])
        return False
    produced = staging / (drawing.stem + ".dxf")
    if not produced.exists():
        log.error("no output produced for %r", drawing.name)
        return False
    shutil.move(str(produced), str(outdir / produced.name))
    return True


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--inbox", type=Path, default=Path("/srv/sftp/drawings/inbox"))
    p.add_argument("--outdir", type=Path, default=Path("/srv/drawings/dxf"))
    p.add_argument("--archive", type=Path, default=Path("/srv/drawings/archive"))
    p.add_argument("--version", choices=VERSIONS, default="ACAD2018")
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    args.outdir.mkdir(parents=True, exist_ok=True)
    args.archive.mkdir(parents=True, exist_ok=True)
    failures = 0
    for drawing in pending_drawings(args.inbox):
        if convert(drawing, args.outdir, args.version):
            shutil.move(str(drawing), str(args.archive / drawing.name))
        else:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
