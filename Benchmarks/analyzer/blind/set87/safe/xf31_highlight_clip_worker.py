"""Worker CLI (typer): cuts highlight clips for league recap pages from queued jobs."""
import json
import logging
import os
import re
import subprocess
import time
from pathlib import Path

import redis
import typer

log = logging.getLogger("clips")
app = typer.Typer(help="League recap highlight clip worker")

CLIP_ROOT = Path(os.environ.get("CLIP_ROOT", "/srv/media/clips"))
SOURCE_ROOT = Path(os.environ.get("SOURCE_ROOT", "/srv/media/broadcast"))
QUEUE_KEY = "clips:pending"
TIMESTAMP = re.compile(r"\d{2}:\d{2}:\d{2}")


class ClipJob:
    """Jobs are queued by the league recap editor in the web app."""

    def __init__(self, payload: dict):
        self.job_id = int(payload["job_id"])
        self.league_id = int(payload["league_id"])
        self.source = payload["source"]
        self.start = payload.get("start", "00:00:00")
        self.duration = int(payload.get("duration", 20))
        self.title = payload.get("title", "Highlight")
        if not TIMESTAMP.fullmatch(self.start):
            raise ValueError("start must be HH:MM:SS")

    def output_path(self) -> Path:
        return CLIP_ROOT / str(self.league_id) / f"clip_{self.job_id}.mp4"


def build_ffmpeg(job: ClipJob) -> list:
    src = SOURCE_ROOT / os.path.basename(job.source)
    title = re.sub(r"[^A-Za-z0-9 .,!?-]", "", job.title)[:80]
    overlay = f"drawtext=text='{title}':x=20:y=H-60:fontsize=36:fontcolor=white"
    return [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", job.start, "-t", str(job.duration),
        "-i", str(src), "-vf", overlay, "-c:a", "copy", str(job.output_path()),
    ]


def process(job: ClipJob) -> None:
    job.output_path().parent.mkdir(parents=True, exist_ok=True)
    command = build_ffmpeg(job)
    subprocess.check_call(command)
    log.info("clip %d written", job.job_id)


@app.command()
def work(redis_url: str = typer.Option("redis://localhost:6379/3"), once: bool = False):
    """Pop clip jobs from redis and render them."""
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(redis_url)
    while True:
        item = r.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            if once:
                break
            continue
        try:
            process(ClipJob(json.loads(item[1])))
        except (KeyError, ValueError, subprocess.CalledProcessError):
            log.exception("clip job failed")
            time.sleep(1)
        if once:
            break


@app.command()
def render(job_file: Path):
    """Render a single job from a JSON file (debugging)."""
    process(ClipJob(json.loads(job_file.read_text())))


if __name__ == "__main__":
    app()
