"""Worker applying provisioning jobs (DID assignment, trunk changes) from Redis.

Jobs are pushed by the customer portal and by the on-prem PBX agents that
customers run at their sites, so the worker only trusts what it validates.
"""
import json
import logging
import signal
import time
from dataclasses import dataclass, field

import redis

log = logging.getLogger("prov-worker")

QUEUE = "provisioning:jobs"
DEAD_LETTER = "provisioning:dead"
POLL_TIMEOUT = 5


@dataclass
class ProvisioningJob:
    job_id: str
    action: str
    account_id: int
    params: dict = field(default_factory=dict)


class Worker:
    def __init__(self, redis_url: str):
        self.redis = redis.Redis.from_url(redis_url)
        self.running = True
        self.handlers = {
            "assign_did": self.assign_did,
            "release_did": self.release_did,
        }

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> ProvisioningJob:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("unexpected job type")
        job = ProvisioningJob(
            job_id=str(data["job_id"]),
            action=str(data["action"]),
            account_id=int(data["account_id"]),
            params=dict(data.get("params") or {}),
        )
        return job

    def assign_did(self, job: ProvisioningJob):
        number = job.params["number"]
        self.redis.hset(f"did:{number}", mapping={"account": job.account_id, "state": "active"})

    def release_did(self, job: ProvisioningJob):
        self.redis.hset(f"did:{job.params['number']}", "state", "quarantine")

    def handle(self, raw: bytes):
        try:
            job = self.decode(raw)
            handler = self.handlers[job.action]
        except Exception:
            log.exception("undecodable job, moving to dead letter queue")
            self.redis.rpush(DEAD_LETTER, raw)
            return
        handler(job)
        log.info("job %r (%r) done for account %s", job.job_id, job.action, job.account_id)

    def run(self):
        while self.running:
            item = self.redis.blpop(QUEUE, timeout=POLL_TIMEOUT)
            if item is None:
                continue
            _, raw = item
            started = time.monotonic()
            self.handle(raw)
            log.debug("processed in %.3fs", time.monotonic() - started)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    worker = Worker("redis://localhost:6379/3")
    signal.signal(signal.SIGTERM, worker.stop)
    worker.run()
