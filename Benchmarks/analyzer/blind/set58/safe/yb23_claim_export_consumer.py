"""RabbitMQ consumer that materialises claim export jobs sent by partner TPAs."""
import json
import logging
import os
import re

import pika

log = logging.getLogger("claims.export_consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = "claims.export.requests"
OUTBOX = os.environ.get("EXPORT_OUTBOX", "/srv/exports/outbox")
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")
ALLOWED_FIELDS = ("claim_id", "status", "reserve", "paid")


class ExportJob:
    def __init__(self, tpa_code, filename, claim_ids, fields=None):
        self.tpa_code = tpa_code
        self.filename = filename
        self.claim_ids = claim_ids
        self.fields = [f for f in (fields or ALLOWED_FIELDS) if f in ALLOWED_FIELDS]


def decode_job(body: bytes) -> ExportJob:
    data = json.loads(body.decode("utf-8"))
    job = ExportJob(data["tpa_code"], data["filename"], list(data["claim_ids"]), data.get("fields"))
    return job


def load_claims(claim_ids):
    # placeholder for the claims warehouse lookup
    return [{"claim_id": cid, "status": "open", "reserve": 0, "paid": 0} for cid in claim_ids]


def output_path(job: ExportJob) -> str:
    if not SAFE_NAME.match(job.tpa_code) or not SAFE_NAME.match(job.filename):
        raise ValueError("invalid tpa code or filename")
    root = os.path.realpath(OUTBOX)
    tpa_dir = os.path.join(root, job.tpa_code)
    target = os.path.realpath(os.path.join(tpa_dir, job.filename))
    if os.path.commonpath([root, target]) != root:
        raise ValueError("export path escapes outbox")
    os.makedirs(tpa_dir, exist_ok=True)
    return target


def handle(channel, method, properties, body):
    try:
        job = decode_job(body)
        rows = load_claims(job.claim_ids)
        target = output_path(job)
        with open(target, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({k: row.get(k) for k in job.fields}) + "\n")
        log.info("wrote %d claims for %r to %r", len(rows), job.tpa_code, target)
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except Exception:
        log.exception("export job failed")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
