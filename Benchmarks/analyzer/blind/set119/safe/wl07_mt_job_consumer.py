"""Worker that drains pre-translation jobs.

Jobs are queued by the client portal API and by the CMS connector plugins,
which push straight into the shared Redis instance.
"""
import json
import logging
import os
import signal
import time
from dataclasses import dataclass, field

import redis

QUEUE_KEY = "pretranslate:jobs"
RESULT_KEY = "pretranslate:results:{job_id}"
log = logging.getLogger("worker.pretranslate")


@dataclass
class TranslationJob:
    job_id: str
    project_id: int
    source_lang: str
    target_lang: str
    segments: list = field(default_factory=list)
    engine: str = "default"


class Worker:
    def __init__(self, client: redis.Redis, engine_factory):
        self.redis = client
        self.engine_factory = engine_factory
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    @staticmethod
    def decode_job(raw: bytes) -> TranslationJob:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("unexpected payload type %r" % type(data).__name__)
        return TranslationJob(
            job_id=str(data["job_id"]),
            project_id=int(data["project_id"]),
            source_lang=str(data["source_lang"]),
            target_lang=str(data["target_lang"]),
            segments=[str(s) for s in data.get("segments", [])],
            engine=str(data.get("engine", "default")),
        )

    def handle(self, job: TranslationJob) -> None:
        engine = self.engine_factory(job.engine)
        started = time.monotonic()
        translated = engine.translate_batch(job.segments, job.source_lang, job.target_lang)
        self.redis.hset(RESULT_KEY.format(job_id=job.job_id), mapping={
            str(i): text for i, text in enumerate(translated)
        })
        self.redis.expire(RESULT_KEY.format(job_id=job.job_id), 86400)
        log.info("job %r: %d segment(s) in %.1fs", job.job_id, len(translated), time.monotonic() - started)

    def run(self) -> None:
        while self.running:
            item = self.redis.blpop(QUEUE_KEY, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                job = self.decode_job(raw)
                self.handle(job)
            except Exception:
                log.exception("failed to process queued job")
                self.redis.rpush(QUEUE_KEY + ":dead", raw)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    from mtengines import get_engine  # internal package

    worker = Worker(client, get_engine)
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run()


if __name__ == "__main__":
    main()
