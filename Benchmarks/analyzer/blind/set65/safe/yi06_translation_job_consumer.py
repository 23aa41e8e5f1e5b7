"""AMQP consumer for approved translation jobs pushed by the vendor gateway.

Approved segments are folded into the in-process translation memory that the
pre-translation service queries.
"""
import json
import logging
import os
import signal

import pika

log = logging.getLogger("tm.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = os.environ.get("TM_QUEUE", "translation.jobs.approved")


class TranslationMemory:
    def __init__(self):
        self._segments = {}

    def upsert(self, source_lang: str, target_lang: str, source: str, target: str) -> None:
        self._segments[(source_lang, target_lang, source)] = target

    def __len__(self) -> int:
        return len(self._segments)


tm = TranslationMemory()


def decode_job(body: bytes) -> dict:
    job = json.loads(body.decode("utf-8"))
    if not isinstance(job, dict) or "segments" not in job:
        raise ValueError("malformed job")
    return job


def apply_job(job: dict) -> int:
    src, tgt = job["source_lang"], job["target_lang"]
    applied = 0
    for seg in job["segments"]:
        if seg.get("status") != "approved":
            continue
        tm.upsert(src, tgt, seg["source"], seg["target"])
        applied += 1
    return applied


def on_message(channel, method, properties, body):
    try:
        job = decode_job(body)
        applied = apply_job(job)
        log.info("job %r: %d segments stored (tm size %d)", job.get("job_id"), applied, len(tm))
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except Exception:
        log.exception("rejecting message %s", method.delivery_tag)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)

    def _stop(*_):
        channel.stop_consuming()

    signal.signal(signal.SIGTERM, _stop)
    try:
        channel.start_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
