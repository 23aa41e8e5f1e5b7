"""Transcode job consumer.

Jobs arrive on the Redis list ``transcode:jobs`` from two producers: the web
frontend, and the label ingest gateway, which forwards partner-submitted job
documents unchanged.
"""
import json
import logging
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from typing import List

import redis

log = logging.getLogger("transcoder")

QUEUE = "transcode:jobs"
DONE = "transcode:done"
MEDIA_ROOT = "/srv/media"
PROFILES = {
    "aac_256": (["-c:a", "aac", "-b:a", "256k"], "m4a"),
    "opus_160": (["-c:a", "libopus", "-b:a", "160k"], "opus"),
    "mp3_320": (["-c:a", "libmp3lame", "-b:a", "320k"], "mp3"),
}


@dataclass
class TranscodeJob:
    track_id: int
    profiles: List[str] = field(default_factory=lambda: ["aac_256"])
    priority: int = 5


class Worker:
    def __init__(self, conn: redis.Redis):
        self.redis = conn
        self.running = True

    def stop(self, *_):
        self.running = False

    def next_job(self):
        item = self.redis.blpop(QUEUE, timeout=5)
        if item is None:
            return None
        _, raw = item
        doc = json.loads(raw)
        if not isinstance(doc, dict):
            raise ValueError("unexpected payload type %r" % type(doc))
        return TranscodeJob(
            track_id=int(doc["track_id"]),
            profiles=[str(p) for p in doc.get("profiles", ["aac_256"])],
            priority=int(doc.get("priority", 5)),
        )

    def run_job(self, job: TranscodeJob) -> None:
        src = os.path.join(MEDIA_ROOT, "masters", f"{int(job.track_id)}.flac")
        for name in job.profiles:
            if name not in PROFILES:
                log.warning("track %s: unknown profile %r", job.track_id, name)
                continue
            codec_args, ext = PROFILES[name]
            dst = os.path.join(MEDIA_ROOT, "renditions", name, f"{int(job.track_id)}.{ext}")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-i", src, *codec_args, dst], check=True)
        self.redis.rpush(DONE, str(job.track_id))

    def loop(self) -> None:
        while self.running:
            try:
                job = self.next_job()
                if job is not None:
                    self.run_job(job)
            except (ValueError, KeyError, TypeError, subprocess.CalledProcessError) as exc:
                log.error("job failed: %r", exc)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    worker = Worker(redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2")))
    signal.signal(signal.SIGTERM, worker.stop)
    worker.loop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
