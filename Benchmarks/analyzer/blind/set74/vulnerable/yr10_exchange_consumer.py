"""Consumer for registration change requests from the exchange-programme
partner universities.

Partners publish add/drop requests for their visiting students onto a shared
AMQP exchange; this worker applies them to the local registration database.
"""
import base64
import logging
import os
import pickle
import signal
import sqlite3
from dataclasses import dataclass

import pika

log = logging.getLogger("registration.exchange_consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest@localhost:5672/%2F")
QUEUE = "exchange.registration.requests"
DB_PATH = os.environ.get("REGISTRATION_DB", "/var/lib/registration/registration.sqlite3")


@dataclass
class RegistrationRequest:
    student_id: str
    crn: str
    action: str
    term: str
    partner: str = "unknown"


def decode_message(body: bytes) -> RegistrationRequest:
    raw = base64.b64decode(body)
    payload = pickle.loads(raw)  # VULN flow
    if isinstance(payload, RegistrationRequest):
        return payload
    if isinstance(payload, dict):
        return RegistrationRequest(**payload)
    raise ValueError("unexpected payload type")


class RegistrationWriter:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)

    def apply(self, req: RegistrationRequest) -> None:
        with self.conn:
            if req.action == "add":
                self.conn.execute(
                    "INSERT OR IGNORE INTO enrollments (student_id, crn, term, source) VALUES (?, ?, ?, ?)",
                    (req.student_id, req.crn, req.term, f"exchange:{req.partner}"),
                )
            elif req.action == "drop":
                self.conn.execute(
                    "DELETE FROM enrollments WHERE student_id = ? AND crn = ? AND term = ?",
                    (req.student_id, req.crn, req.term),
                )
            else:
                raise ValueError("unknown action")


def make_callback(writer: RegistrationWriter):
    def on_message(channel, method, properties, body):
        try:
            req = decode_message(body)
            writer.apply(req)
        except Exception:
            log.exception("rejecting message %s", method.delivery_tag)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        log.info("applied %r for crn %r", req.action, req.crn)
        channel.basic_ack(delivery_tag=method.delivery_tag)
    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    writer = RegistrationWriter(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_callback(writer))

    def _stop(signum, frame):
        log.info("stopping consumer")
        channel.stop_consuming()

    signal.signal(signal.SIGTERM, _stop)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
