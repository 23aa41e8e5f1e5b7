"""Loudness-normalise a batch of tracks for the radio playout library.

Producers drop a manifest.csv (path,target_lufs,title) next to their audio
on the ingest share; the overnight ops job runs:

    loudness run /mnt/ingest/<producer>/manifest.csv
"""
import csv
import logging
import subprocess
from pathlib import Path

import typer

app = typer.Typer(help="Radio library loudness tools")
log = logging.getLogger("loudness")

LIBRARY = Path("/srv/playout/library")
DEFAULT_TARGET = "-23"


def duration_seconds(path: str) -> float:
    out = subprocess.run(["soxi", "-D", path], capture_output=True, text=True).stdout.strip()
    return float(out or 0)


def normalise(src: str, dst: str, target: str) -> int:
    cmd = ["ffmpeg-normalize", src, "-nt", "ebu", "-t", f"{float(target):.1f}",
           "-c:a", "libmp3lame", "-b:a", "320k", "-o", dst, "-f"]
    log.debug("running %r", cmd)
    return subprocess.run(cmd).returncode


def manifest_rows(manifest: Path):
    base = manifest.parent.resolve()
    with manifest.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            src = (base / row["path"]).resolve()
            if not src.is_relative_to(base) or not src.is_file():
                log.warning("skipping %r: not a file in the producer folder", row["path"])
                continue
            yield src, (row.get("target_lufs") or DEFAULT_TARGET).strip(), row.get("title", "")


@app.command()
def run(
    manifest: Path = typer.Argument(..., exists=True, dir_okay=False),
    max_minutes: float = typer.Option(20.0, help="skip anything longer than this"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    LIBRARY.mkdir(parents=True, exist_ok=True)
    failed = 0
    for src, target, title in manifest_rows(manifest):
        length = duration_seconds(str(src))
        if length > max_minutes * 60:
            log.info("skipping %r (%.0fs is too long)", title, length)
            continue
        dst = LIBRARY / f"{src.stem}.mp3"
        if dry_run:
            typer.echo(f"would normalise {src.name} -> {dst} at {target} LUFS")
            continue
        try:
            rc = normalise(str(src), str(dst), target)
        except ValueError:
            log.error("bad target %r for %r", target, src.name)
            rc = 1
        if rc != 0:
            failed += 1
            log.error("normalise failed for %r", src.name)
    raise typer.Exit(code=1 if failed else 0)


if __name__ == "__main__":
    app()
