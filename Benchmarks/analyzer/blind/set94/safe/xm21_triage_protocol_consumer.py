"""Consumes triage-protocol updates published by the medical director's tooling."""
import logging
import os
import sqlite3
from typing import Any, Dict

import pika
import yaml

log = logging.getLogger("triage.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "triage.protocol.updates"
DB_PATH = os.environ.get("TRIAGE_DB", "/var/lib/cad/triage.db")


class ProtocolError(ValueError):
    pass


def parse_protocol(body: bytes) -> Dict[str, Any]:
    doc = yaml.safe_load(body)
    if not isinstance(doc, dict) or "code" not in doc or "questions" not in doc:
        raise ProtocolError("protocol document missing code/questions")
    return doc


class ProtocolRepository:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS protocols (code TEXT PRIMARY KEY, version INTEGER, body TEXT)"
        )

    def upsert(self, doc: Dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO protocols (code, version, body) VALUES (?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET version = excluded.version, body = excluded.body",
            (doc["code"], int(doc.get("version", 1)), yaml.safe_dump(doc)),
        )
        self.conn.commit()


repo = ProtocolRepository(DB_PATH)


def on_message(channel, method, properties, body):
    try:
        doc = parse_protocol(body)
        repo.upsert(doc)
        log.info("protocol %r updated to v%r", doc["code"], doc.get("version"))
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except (ProtocolError, yaml.YAMLError) as exc:
        log.error("rejecting protocol update: %s", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    ch = conn.channel()
    ch.queue_declare(queue=QUEUE, durable=True)
    ch.basic_qos(prefetch_count=1)
    ch.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        ch.start_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
