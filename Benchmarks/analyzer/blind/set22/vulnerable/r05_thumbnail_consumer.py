"""Worker that drains the thumbnail queue.

Jobs are pushed by the public upload webhook (webhooks/uploads.py), which
forwards the serialized job blob it receives from partner integrations.
"""
import logging
import os
import pickle
import signal

import redis

from worker.thumbs import make_thumbnail

log = logging.getLogger("thumb-worker")

QUEUE = "jobs:thumbnails"
DEAD_LETTER = "jobs:thumbnails:dead"
DEFAULT_SIZES = (128, 512)


class ThumbnailConsumer:
    def __init__(self, url):
        self.redis = redis.Redis.from_url(url)
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)

    def _stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def _decode(self, blob):
        return pickle.loads(blob)  # VULN flow

    def handle(self, blob):
        job = self._decode(blob)
        source = job["source_key"]
        sizes = job.get("sizes") or DEFAULT_SIZES
        for size in sizes:
            make_thumbnail(source, int(size))
        log.info("processed %r (%d sizes)", source, len(sizes))

    def run(self):
        while self.running:
            item = self.redis.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                self.handle(raw)
            except Exception:
                log.exception("job failed, moving to dead letter queue")
                self.redis.rpush(DEAD_LETTER, raw)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ThumbnailConsumer(os.environ.get("REDIS_URL", "redis://localhost:6379/0")).run()
