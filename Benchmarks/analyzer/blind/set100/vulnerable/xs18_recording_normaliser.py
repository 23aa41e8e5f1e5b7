"""Normalise pronunciation recordings before they are scored.

Converts whatever the browser recorded (webm/ogg/m4a) into 16 kHz mono
WAV, trims leading silence and drops the result into the scoring inbox.
"""
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import List

import typer

app = typer.Typer(help=__doc__)
log = logging.getLogger("normalise")

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
SCORING_INBOX = Path(os.environ.get("SCORING_INBOX", "/srv/scoring/inbox"))
SILENCE_FILTER = "silenceremove=start_periods=1:start_threshold=-45dB"


def transcode(src: Path) -> str:
    tmp_path = tempfile.mktemp(suffix=".wav", prefix="rec-")  # VULN
    subprocess.run(
        [FFMPEG, "-y", "-loglevel", "error", "-i", str(src), "-ac", "1", "-ar", "16000", tmp_path],
        check=True,
    )
    return tmp_path


def trim_silence(path: str) -> str:
    out = path[:-4] + "-trim.wav"
    subprocess.run([FFMPEG, "-y", "-loglevel", "error", "-i", path, "-af", SILENCE_FILTER, out], check=True)
    os.unlink(path)
    return out


@app.command()
def normalise(
    files: List[Path] = typer.Argument(..., exists=True, dir_okay=False),
    student: int = typer.Option(..., help="student id"),
    keep_source: bool = typer.Option(False, help="keep the original upload"),
):
    logging.basicConfig(level=logging.INFO)
    SCORING_INBOX.mkdir(parents=True, exist_ok=True)
    done = 0
    for src in files:
        try:
            wav = trim_silence(transcode(src))
        except subprocess.CalledProcessError as exc:
            log.error("ffmpeg failed for %s: %s", src, exc)
            continue
        dest = SCORING_INBOX / f"{student}-{src.stem}.wav"
        shutil.move(wav, dest)
        # the scoring daemon runs under its own account
        os.chmod(dest, 0o777)  # VULN
        if not keep_source:
            src.unlink()
        done += 1
    typer.echo(f"normalised {done}/{len(files)} recordings")


if __name__ == "__main__":
    app()
