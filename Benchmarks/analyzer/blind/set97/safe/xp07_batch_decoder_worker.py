"""Batch decoder worker: drains raw SDK uploads queued by the edge collector.

Each queue message is a JSON header line followed by the raw request body
exactly as the SDK sent it.
"""
import gzip
import json
import logging
import os
import signal

import redis

log = logging.getLogger("decoder")

RAW_QUEUE = os.environ.get("RAW_QUEUE", "ingest:raw")
EVENT_QUEUE = os.environ.get("EVENT_QUEUE", "ingest:events")
_running = True


class Envelope:
    __slots__ = ("project", "content_type", "encoding", "body")

    def __init__(self, project, content_type, encoding, body):
        self.project = project
        self.content_type = content_type
        self.encoding = encoding
        self.body = body

    @classmethod
    def from_message(cls, raw: bytes) -> "Envelope":
        header, _, body = raw.partition(b"\n")
        meta = json.loads(header)
        return cls(meta["project"], meta.get("content_type", "application/json"),
                   meta.get("encoding"), body)


def decode_body(env: Envelope):
    body = env.body
    if env.encoding == "gzip":
        body = gzip.decompress(body)
    if env.content_type == "application/json":
        return json.loads(body)
    if env.content_type == "application/x-python-pickle":
        # legacy python SDK (<1.4) posts pickled batches; those clients must upgrade
        raise ValueError("pickled batches are no longer accepted")
    raise ValueError(f"unsupported content type {env.content_type!r}")


def handle(r: redis.Redis, raw: bytes) -> int:
    env = Envelope.from_message(raw)
    batch = decode_body(env)
    if isinstance(batch, dict):
        batch = batch.get("batch", [batch])
    pipe = r.pipeline()
    for event in batch:
        event["project"] = env.project
        pipe.rpush(EVENT_QUEUE, json.dumps(event, default=str))
    pipe.execute()
    return len(batch)


def _stop(*_):
    global _running
    _running = False


def main():
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while _running:
        item = r.blpop(RAW_QUEUE, timeout=5)
        if item is None:
            continue
        try:
            count = handle(r, item[1])
            log.debug("decoded %d events", count)
        except Exception:
            log.exception("dropping undecodable message")


if __name__ == "__main__":
    main()
