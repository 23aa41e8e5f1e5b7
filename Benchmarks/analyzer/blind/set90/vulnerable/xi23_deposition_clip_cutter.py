"""Cut deposition video clips from a court reporter's designation manifest.

The reporting agency sends a CSV with one row per designation:

    designation,start,end
    Smith_Depo_p45_l3,00:41:12.300,00:42:05.000
"""
import csv
import logging
import os
from pathlib import Path

import typer

app = typer.Typer(help="Deposition designation tools")
log = logging.getLogger("depo_clips")


def clip_command(source: str, start: str, end: str, label: str, out_dir: str) -> str:
    out_file = os.path.join(out_dir, f"{label}.mp4")
    return (
        f'ffmpeg -y -loglevel error -ss {start} -to {end} '
        f'-i "{source}" -c copy -movflags +faststart "{out_file}"'
    )


def read_manifest(path: Path):
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            yield {
                "label": row["designation"].strip(),
                "start": row["start"].strip(),
                "end": row["end"].strip(),
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
        rc = os.system(cmd)  # VULN flow
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
