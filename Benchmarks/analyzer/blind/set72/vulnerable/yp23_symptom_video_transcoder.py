"""Worker that normalises symptom videos patients attach to async e-visits.

Patients upload whatever their phone produces (HEVC .mov, .webm, ...); the
clinician viewer wants H.264 MP4 plus a poster frame.
"""
import json
import logging
import os
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


class MediaJob:
    def __init__(self, raw: dict):
        self.visit_id = int(raw["visit_id"])
        self.original_name = raw["original_name"]
        self.stored_name = raw.get("stored_name") or raw["original_name"]

    @property
    def source(self) -> str:
        return str(UPLOAD_DIR / str(self.visit_id) / self.stored_name)

    @property
    def target_stem(self) -> str:
        return str(OUTPUT_DIR / str(self.visit_id) / Path(self.original_name).stem)


def transcode(job: MediaJob) -> str:
    out = job.target_stem + ".mp4"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = f'ffmpeg -y -loglevel error -i "{job.source}" -c:v libx264 -preset fast -c:a aac "{out}"'
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError("ffmpeg exited with %d" % rc)
    return out


def poster_frame(video_path: str) -> str:
    poster = video_path.rsplit(".", 1)[0] + ".jpg"
    subprocess.check_output(
        "ffmpeg -y -loglevel error -ss 1 -i '%s' -frames:v 1 '%s'" % (video_path, poster), shell=True  # VULN flow
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
