"""Worker that transcodes sewer CCTV inspection footage uploaded by crews.

Jobs are pushed onto a Redis list by the inspection upload portal; each
job names the uploaded file, the pipe asset it covers and a free-text
title the crew lead typed in.
"""
import json
import logging
import os
import subprocess
import time
from typing import List

import redis

log = logging.getLogger("cctv_transcode")

UPLOAD_DIR = "/srv/cctv/uploads"
OUTPUT_DIR = "/srv/cctv/published"
QUEUE_KEY = "cctv:transcode"
RESULT_KEY = "cctv:transcode:results"


class TranscodeJob:
    def __init__(self, payload: dict):
        self.job_id = int(payload["job_id"])
        self.source = os.path.join(UPLOAD_DIR, os.path.basename(payload["filename"]))
        self.title = payload.get("title", "")
        self.asset_id = payload.get("asset_id", "unknown")
        self.output = os.path.join(OUTPUT_DIR, f"{self.job_id}.mp4")

    def command(self) -> List[str]:
        return [
            "ffmpeg", "-y", "-loglevel", "error", "-i", self.source,
            "-metadata", f"title={self.title}", "-metadata", f"comment=asset {self.asset_id}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-an", self.output,
        ]

    def run(self) -> int:
        if not os.path.exists(self.source):
            log.warning("job %d: source missing", self.job_id)
            return 2
        cmd = self.command()
        log.debug("job %d: %r", self.job_id, cmd)
        return subprocess.run(cmd, check=False).returncode


def work_forever(r: redis.Redis) -> None:
    while True:
        item = r.brpop(QUEUE_KEY, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = TranscodeJob(json.loads(raw))
        except (ValueError, KeyError, TypeError):
            log.error("discarding malformed job %r", raw[:200])
            continue
        started = time.monotonic()
        rc = job.run()
        elapsed = time.monotonic() - started
        r.hset(RESULT_KEY, job.job_id, json.dumps({"rc": rc, "seconds": round(elapsed, 1)}))
        log.info("job %d finished rc=%s in %.1fs", job.job_id, rc, elapsed)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379,
                    socket_timeout=60, decode_responses=True)
    work_forever(r)


if __name__ == "__main__":
    main()
