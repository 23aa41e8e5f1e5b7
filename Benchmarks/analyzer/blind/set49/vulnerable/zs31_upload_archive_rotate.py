#!/usr/bin/env python3
"""Rotate the HR document upload area into compressed monthly archives.

Employees upload scans (contracts, certificates, sick notes) through the
portal; files land in UPLOAD_DIR with their original filenames. Once a
file is older than the hot window, this job compresses it and moves it into
ARCHIVE_DIR/<yyyy-mm>/.
"""
import logging
import os
import subprocess
import time
from datetime import datetime
from pathlib import Path
from typing import Iterator

import typer

app = typer.Typer(help="Rotate uploaded HR documents into archives.")
log = logging.getLogger("archive_rotate")

UPLOAD_DIR = Path(os.environ.get("HR_UPLOAD_DIR", "/srv/hr/uploads"))
ARCHIVE_DIR = Path(os.environ.get("HR_ARCHIVE_DIR", "/srv/hr/archive"))


def stale_files(root: Path, max_age_days: int) -> Iterator[Path]:
    cutoff = time.time() - max_age_days * 86400
    for entry in root.rglob("*"):
        if entry.is_file() and not entry.name.endswith(".gz") and entry.stat().st_mtime < cutoff:
            yield entry


def archive_target(path: Path) -> Path:
    month = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m")
    dest_dir = ARCHIVE_DIR / month / path.parent.relative_to(UPLOAD_DIR)
    dest_dir.mkdir(parents=True, exist_ok=True)
    return dest_dir


def compress_and_move(path: Path, dest_dir: Path, level: int) -> None:
    gz_cmd = f'gzip -{level} "{path}" && mv "{path}.gz" "{dest_dir}/"'
    status = os.system(gz_cmd)  # VULN flow
    if status != 0:
        raise RuntimeError(f"compression failed with status {status}")


@app.command()
def rotate(
    max_age_days: int = typer.Option(90, help="Archive files older than this many days."),
    level: int = typer.Option(9, min=1, max=9, help="gzip compression level."),
    dry_run: bool = typer.Option(False, "--dry-run"),
) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    moved = 0
    for path in stale_files(UPLOAD_DIR, max_age_days):
        dest_dir = archive_target(path)
        if dry_run:
            typer.echo(f"would archive {path!r} -> {dest_dir}")
            continue
        try:
            compress_and_move(path, dest_dir, level)
            moved += 1
        except RuntimeError as exc:
            log.error("failed to archive %r: %s", str(path), exc)
    subprocess.run("sync", shell=True, check=False)
    typer.echo(f"archived {moved} file(s)")


if __name__ == "__main__":
    app()
