"""Worker that drains the `thumbnails` job queue.

Producers (the upload API, the partner import bridge and the mobile backend)
push serialized job objects onto a Redis list that all of them share.
"""
import json
import logging
import os
import signal
import time
from dataclasses import asdict, dataclass, field

import redis
from PIL import Image

log = logging.getLogger("thumb-worker")

QUEUE = os.environ.get("THUMB_QUEUE", "jobs:thumbnails")
DEAD_LETTER = QUEUE + ":dead"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")


@dataclass
class ThumbnailJob:
    source: str
    sizes: list = field(default_factory=lambda: [(128, 128), (512, 512)])
    attempts: int = 0


class Consumer:
    def __init__(self, client: redis.Redis):
        self.redis = client
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)

    def _stop(self, *_):
        self.running = False

    def next_job(self):
        item = self.redis.blpop(QUEUE, timeout=5)
        if item is None:
            return None
        _, payload = item
        return self.decode(payload)

    @staticmethod
    def decode(payload: bytes) -> ThumbnailJob:
        data = json.loads(payload)
        sizes = [(int(w), int(h)) for w, h in data.get("sizes", [(128, 128), (512, 512)])]
        return ThumbnailJob(source=str(data["source"]), sizes=sizes, attempts=int(data.get("attempts", 0)))

    def process(self, job: ThumbnailJob) -> None:
        src = os.path.join(MEDIA_ROOT, "originals", os.path.basename(job.source))
        with Image.open(src) as img:
            for w, h in job.sizes:
                copy = img.copy()
                copy.thumbnail((w, h))
                stem, _ = os.path.splitext(os.path.basename(src))
                copy.save(os.path.join(MEDIA_ROOT, "thumbs", f"{stem}_{w}x{h}.jpg"), "JPEG")

    def run(self) -> None:
        while self.running:
            job = self.next_job()
            if job is None:
                continue
            try:
                self.process(job)
            except Exception:
                log.exception("job failed: %r", job)
                job.attempts += 1
                target = QUEUE if job.attempts < 3 else DEAD_LETTER
                self.redis.rpush(target, json.dumps(asdict(job)))
                time.sleep(0.5)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Consumer(redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))).run()
