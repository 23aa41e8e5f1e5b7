"""Consumes purchase-order events published by the EDI gateway and the
supplier portal, and applies acknowledgements/changes to the ERP staging DB."""
import base64
import json
import logging
import os
import signal
import time

import redis

from erp_staging import StagingRepository

log = logging.getLogger("po_consumer")

QUEUE = os.environ.get("PO_EVENT_QUEUE", "procurement:po-events")
DEAD_LETTER = QUEUE + ":dead"


class Envelope:
    __slots__ = ("source", "kind", "payload", "received_at")

    def __init__(self, source, kind, payload):
        self.source = source
        self.kind = kind
        self.payload = payload
        self.received_at = time.time()


def decode_message(raw: bytes) -> Envelope:
    body = base64.b64decode(raw)
    data = json.loads(body)
    return Envelope(str(data["source"]), str(data["kind"]), dict(data["payload"]))


class Consumer:
    def __init__(self, client, repo):
        self.client = client
        self.repo = repo
        self.running = True
        self.handlers = {
            "po.ack": self.repo.record_acknowledgement,
            "po.change": self.repo.apply_change_request,
            "asn.created": self.repo.record_ship_notice,
        }

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def handle(self, raw):
        try:
            env = decode_message(raw)
        except Exception:
            log.exception("undecodable message, moving to dead letter")
            self.client.rpush(DEAD_LETTER, raw)
            return
        handler = self.handlers.get(env.kind)
        if handler is None:
            log.warning("no handler for %r from %r", env.kind, env.source)
            return
        handler(env.payload)

    def run(self):
        while self.running:
            item = self.client.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, raw = item
            self.handle(raw)


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    consumer = Consumer(client, StagingRepository.from_env())
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()
