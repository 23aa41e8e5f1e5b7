"""Thumbnail worker: pulls conversion jobs from Redis and runs ImageMagick."""
import json
import logging
import os
import subprocess
from dataclasses import dataclass

import redis

log = logging.getLogger("thumbs")

QUEUE = "thumbnail-jobs"
UPLOAD_ROOT = os.environ.get("UPLOAD_ROOT", "/srv/media/uploads")
OUTPUT_ROOT = os.environ.get("THUMB_ROOT", "/srv/media/thumbs")
FORMATS = {"png", "jpg", "webp"}


@dataclass
class ConvertJob:
    job_id: str
    source: str
    width: int
    fmt: str = "jpg"

    @classmethod
    def from_message(cls, raw: bytes) -> "ConvertJob":
        data = json.loads(raw)
        return cls(
            job_id=str(data["id"]),
            source=str(data["source"]),
            width=int(data.get("width", 320)),
            fmt=str(data.get("format", "jpg")).lower(),
        )


class Converter:
    def __init__(self, upload_root: str, output_root: str):
        self.upload_root = upload_root
        self.output_root = output_root

    def output_path(self, job: ConvertJob) -> str:
        return os.path.join(self.output_root, f"{job.job_id}_{job.width}.{job.fmt}")

    def convert(self, job: ConvertJob) -> str:
        if job.fmt not in FORMATS or not 16 <= job.width <= 2048:
            raise ValueError("invalid job parameters")
        src = os.path.join(self.upload_root, job.source)
        dst = self.output_path(job)
        cmd = f"convert {src} -auto-orient -thumbnail {job.width}x -strip {dst}"
        subprocess.run(cmd, shell=True, check=True, timeout=120)  # VULN flow
        return dst


def run_worker():
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    converter = Converter(UPLOAD_ROOT, OUTPUT_ROOT)
    while True:
        item = client.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            job = ConvertJob.from_message(item[1])
            dst = converter.convert(job)
        except (ValueError, KeyError, subprocess.SubprocessError) as exc:
            log.warning("thumbnail job failed: %s", type(exc).__name__)
            continue
        client.hset(f"thumb:{job.job_id}", mapping={"status": "done", "path": dst})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_worker()
