"""Worker that consumes booking-confirmation jobs from Redis.

Jobs are pushed onto ``bookings:confirm`` by the web tier and by the partner
integration gateway (cleaning franchises submit their own bookings there).
"""
import logging
import os
import pickle
import signal
import time
from dataclasses import dataclass, field

import redis

log = logging.getLogger("booking-worker")

QUEUE = os.environ.get("BOOKING_QUEUE", "bookings:confirm")
DEAD_LETTER = QUEUE + ":dead"


@dataclass
class ConfirmJob:
    booking_id: int
    customer_email: str
    provider_id: int
    slot: str
    extras: dict = field(default_factory=dict)


class Worker:
    def __init__(self, client: redis.Redis):
        self.client = client
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    @staticmethod
    def decode(raw: bytes) -> ConfirmJob:
        job = pickle.loads(raw)  # VULN flow
        if not isinstance(job, ConfirmJob):
            raise TypeError("unexpected payload type %s" % type(job).__name__)
        return job

    def handle(self, job: ConfirmJob) -> None:
        log.info("confirming booking %s for provider %s", job.booking_id, job.provider_id)
        # notification fan-out lives in notifications-svc
        self.client.hset(f"booking:{job.booking_id}", mapping={"status": "confirmed", "slot": job.slot})

    def run(self) -> None:
        while self.running:
            item = self.client.blpop([QUEUE], timeout=5)
            if item is None:
                continue
            _, payload = item
            try:
                job = self.decode(payload)
                self.handle(job)
            except Exception:
                log.exception("job failed, moving to dead letter")
                self.client.rpush(DEAD_LETTER, payload)
                time.sleep(0.5)


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    worker = Worker(client)
    signal.signal(signal.SIGTERM, worker.stop)
    worker.run()


if __name__ == "__main__":
    main()
