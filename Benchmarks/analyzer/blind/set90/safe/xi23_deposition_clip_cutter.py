"""Cut deposition video clips from a court reporter's designation manifest.

The reporting agency sends a CSV with one row per designation:

    designation,start,end
    Smith_Depo_p45_l3,00:41:12.300,00:42:05.000
"""
import csv
import logging
import os
import re
import subprocess
from pathlib import Path

import typer

app = typer.Typer(help="Deposition designation tools")
log = logging.getLogger("depo_clips")

TIMESTAMP_RE = re.compile(r"^\d{1,2}:\d{2}:\d{2}(\.\d{1,3})?$")


def clip_command(source: str, start: str, end: str, label: str, out_dir: str) -> list:
    out_file = os.path.join(out_dir, f"{label}.mp4")
    return [
        "ffmpeg", "-y", "-loglevel", "error", "-ss", start, "-to", end,
        "-i", source, "-c", "copy", "-movflags", "+faststart", out_file,
    ]


def read_manifest(path: Path):
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            start, end = row["start"].strip(), row["end"].strip()
            if not (TIMESTAMP_RE.match(start) and TIMESTAMP_RE.match(end)):
                raise typer.BadParameter(f"bad timestamps in row {row!r}")
            yield {
                "label": re.sub(r"[^A-Za-z0-9_-]", "_", row["designation"].strip())[:120],
                "start": start,
                "end": end,
            }


@app.command()
def cut(
    manifest: Path = typer.Argument(..., exists=True, help="Designation CSV from the reporter"),
    video: Path = typer.Argument(..., exists=True, help="Synced deposition video"),
    out_dir: Path = typer.Option(Path("clips"), help="Where clips are written"),
):
    """Cut every designation in MANIFEST out of VIDEO."""
    logging.basicConfig(level=logging.INFO)
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for entry in read_manifest(manifest):
        cmd = clip_command(str(video), entry["start"], entry["end"], entry["label"], str(out_dir))
        rc = subprocess.run(cmd).returncode
        if rc != 0:
            failures += 1
            log.error("ffmpeg failed for designation %r (rc=%d)", entry["label"], rc)
        else:
            log.info("cut %r", entry["label"])
    if failures:
        raise typer.Exit(code=1)


@app.command()
def check(manifest: Path = typer.Argument(..., exists=True)):
    """Print the designations without cutting anything."""
    for entry in read_manifest(manifest):
        typer.echo(f"{entry['label']}: {entry['start']} -> {entry['end']}")


if __name__ == "__main__":
    app()
