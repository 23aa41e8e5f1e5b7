"""Transcoding worker for the digital asset management system.

The upload portal pushes JSON jobs onto the ``transcode`` Redis list; this
worker pops them and produces access copies with ffmpeg.
"""
import json
import logging
import os
import subprocess
import time

import redis

log = logging.getLogger("transcode")

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/dams/ingest")
OUTPUT_ROOT = os.environ.get("OUTPUT_ROOT", "/srv/dams/access")
PRESETS = {
    "access-mp4": "-c:v libx264 -preset slow -crf 23 -c:a aac -b:a 128k",
    "proxy-webm": "-c:v libvpx-vp9 -b:v 1M -c:a libopus",
    "audio-mp3": "-vn -c:a libmp3lame -q:a 2",
}


class TranscodeJob:
    def __init__(self, payload: dict):
        self.job_id = str(payload["id"])
        self.source = payload["source"]
        self.preset = payload.get("preset", "access-mp4")
        self.trim = payload.get("trim")  # {"start": "00:00:05", "duration": "30"}
        self.output_name = payload.get("output_name") or f"{self.job_id}.mp4"

    def command(self) -> str:
        src = os.path.join(MEDIA_ROOT, self.source)
        dst = os.path.join(OUTPUT_ROOT, self.output_name)
        opts = PRESETS[self.preset]
        if self.trim:
            opts = f"-ss {self.trim['start']} -t {self.trim['duration']} " + opts
        return f'ffmpeg -y -hide_banner -loglevel error -i "{src}" {opts} "{dst}"'


def handle(raw: bytes, r: redis.Redis) -> None:
    job = TranscodeJob(json.loads(raw))
    key = f"transcode:{job.job_id}"
    if job.preset not in PRESETS:
        r.hset(key, mapping={"status": "rejected", "error": "unknown preset"})
        return
    cmd = job.command()
    r.hset(key, mapping={"status": "running", "started": int(time.time())})
    started = time.monotonic()
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    elapsed = round(time.monotonic() - started, 1)
    if proc.returncode != 0:
        log.warning("job %r failed after %ss: %r", job.job_id, elapsed, proc.stderr[-500:])
        r.hset(key, mapping={"status": "failed", "error": proc.stderr[-500:]})
        return
    log.info("job %r done in %ss", job.job_id, elapsed)
    r.hset(key, mapping={"status": "done", "output": job.output_name, "seconds": elapsed})


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    log.info("waiting for jobs")
    while True:
        item = r.blpop("transcode", timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            handle(raw, r)
        except Exception:
            log.exception("unhandled error for payload %r", raw[:200])


if __name__ == "__main__":
    main()
