"""Consumes gate-scanner events from RabbitMQ and records admissions.

Each turnstile scanner publishes a ScanEvent to the ``gate.scans`` queue.
"""
import logging
import pickle
import sqlite3
from dataclasses import dataclass
from datetime import datetime

import pika

log = logging.getLogger("scan_consumer")

AMQP_URL = "amqp://scanner:scanner@mq.internal:5672/%2Fgates"  # VULN
DB_PATH = "/var/lib/zoo/admissions.db"


@dataclass
class ScanEvent:
    gate_id: str
    barcode: str
    ticket_type: str
    scanned_at: datetime


class AdmissionRecorder:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS admissions ("
            "barcode TEXT PRIMARY KEY, gate_id TEXT, ticket_type TEXT, scanned_at TEXT)"
        )

    def record(self, event: ScanEvent) -> bool:
        try:
            self.conn.execute(
                "INSERT INTO admissions VALUES (?, ?, ?, ?)",
                (event.barcode, event.gate_id, event.ticket_type, event.scanned_at.isoformat()),
            )
            self.conn.commit()
            return True
        except sqlite3.IntegrityError:
            return False


def decode_event(body: bytes) -> ScanEvent:
    event = pickle.loads(body)  # VULN flow
    if not isinstance(event, ScanEvent):
        raise ValueError("unexpected payload type")
    return event


def make_callback(recorder: AdmissionRecorder):
    def on_message(channel, method, properties, body):
        try:
            event = decode_event(body)
        except Exception:
            log.exception("dropping undecodable message")
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        if not recorder.record(event):
            log.warning("duplicate scan of %r at gate %r", event.barcode, event.gate_id)
        channel.basic_ack(method.delivery_tag)

    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    recorder = AdmissionRecorder(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue="gate.scans", durable=True)
    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue="gate.scans", on_message_callback=make_callback(recorder))
    log.info("waiting for scans")
    channel.start_consuming()


if __name__ == "__main__":
    main()
