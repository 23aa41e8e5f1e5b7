"""Worker that drains claim bundles pushed by partner clinics' practice-management
integrations onto the shared Redis queue and files them against policies."""
import json
import logging
import os
import signal
import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import redis

QUEUE = "claims:incoming"
DEAD_LETTER = "claims:dead"

log = logging.getLogger("claims.worker")


@dataclass
class ClaimBundle:
    policy_number: str
    clinic_id: str
    invoice_total: float
    line_items: List[dict] = field(default_factory=list)
    attachments: List[str] = field(default_factory=list)


class ClaimConsumer:
    def __init__(self, client: redis.Redis, handler: Callable[[ClaimBundle], None]):
        self.client = client
        self.handler = handler
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> ClaimBundle:
        payload = json.loads(raw)
        if not isinstance(payload, dict):
            raise ValueError("claim bundle must be an object")
        return ClaimBundle(
            policy_number=str(payload["policy_number"]),
            clinic_id=str(payload["clinic_id"]),
            invoice_total=float(payload["invoice_total"]),
            line_items=list(payload.get("line_items", [])),
            attachments=[str(a) for a in payload.get("attachments", [])],
        )

    def next_message(self) -> Optional[bytes]:
        item = self.client.brpop(QUEUE, timeout=5)
        return item[1] if item else None

    def run(self):
        while self.running:
            raw = self.next_message()
            if raw is None:
                continue
            try:
                bundle = self.decode(raw)
                self.handler(bundle)
            except Exception:
                log.exception("claim bundle rejected")
                self.client.lpush(DEAD_LETTER, raw)
                time.sleep(0.5)


def file_claim(bundle: ClaimBundle) -> None:
    if bundle.invoice_total <= 0:
        raise ValueError("empty invoice")
    log.info("filing claim policy=%r clinic=%r total=%.2f",
             bundle.policy_number, bundle.clinic_id, bundle.invoice_total)


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("CLAIMS_REDIS_URL", "redis://localhost:6379/2"))
    consumer = ClaimConsumer(client, file_claim)
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()
