"""Worker that normalises symptom videos patients attach to async e-visits.

Patients upload whatever their phone produces (HEVC .mov, .webm, ...); the
clinician viewer wants H.264 MP4 plus a poster frame.
"""
import json
import logging
import os
import re
import subprocess
import time
from pathlib import Path

import redis
import typer

app = typer.Typer(help="async e-visit media worker")
log = logging.getLogger("media_worker")

UPLOAD_DIR = Path(os.environ.get("EVISIT_UPLOAD_DIR", "/srv/evisit/uploads"))
OUTPUT_DIR = Path(os.environ.get("EVISIT_MEDIA_DIR", "/srv/evisit/media"))
QUEUE_KEY = "evisit:media:jobs"
_STEM_OK = re.compile(r"[^A-Za-z0-9_-]+")


class MediaJob:
    def __init__(self, raw: dict):
        self.visit_id = int(raw["visit_id"])
        self.original_name = raw["original_name"]
        self.stored_name = Path(raw.get("stored_name") or raw["original_name"]).name

    @property
    def source(self) -> str:
        return str(UPLOAD_DIR / str(self.visit_id) / self.stored_name)

    @property
    def target_stem(self) -> str:
        stem = _STEM_OK.sub("_", Path(self.original_name).stem)[:60] or "video"
        return str(OUTPUT_DIR / str(self.visit_id) / stem)


def transcode(job: MediaJob) -> str:
    out = job.target_stem + ".mp4"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = ["ffmpeg", "-y", "-loglevel", "error", "-i", job.source, "-c:v", "libx264",
           "-preset", "fast", "-c:a", "aac", out]
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        raise RuntimeError("ffmpeg exited with %d" % rc)
    return out


def poster_frame(video_path: str) -> str:
    poster = video_path.rsplit(".", 1)[0] + ".jpg"
    subprocess.check_output(
        ["ffmpeg", "-y", "-loglevel", "error", "-ss", "1", "-i", video_path, "-frames:v", "1", poster]
    )
    return poster


@app.command()
def work(redis_url: str = "redis://localhost:6379/3", idle_sleep: float = 2.0):
    """Process queued media jobs until interrupted."""
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(redis_url)
    while True:
        item = r.brpop(QUEUE_KEY, timeout=30)
        if item is None:
            time.sleep(idle_sleep)
            continue
        try:
            job = MediaJob(json.loads(item[1]))
            video = transcode(job)
            poster = poster_frame(video)
            r.hset("evisit:media:%d" % job.visit_id, mapping={"video": video, "poster": poster})
            log.info("visit %d media ready", job.visit_id)
        except Exception:
            log.exception("media job failed")


if __name__ == "__main__":
    app()
