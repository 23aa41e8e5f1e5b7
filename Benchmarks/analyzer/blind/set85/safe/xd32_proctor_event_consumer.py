"""Consume proctoring events sent by the browser exam extension.

The ingestion API forwards extension payloads unchanged onto the
``proctor.events`` queue; this consumer records them and raises flags for the
live dashboard.
"""
import json
import logging
import os
import sqlite3
import time

import pika

log = logging.getLogger("proctor.events")

QUEUE = "proctor.events"
DB_PATH = os.environ.get("PROCTOR_DB", "/var/lib/proctoring/sessions.db")
FLAG_KINDS = {"tab_switch", "face_missing", "multiple_faces", "copy_paste", "devtools_open"}


class EventSink:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)

    def record(self, session_id: int, kind: str, detail: str, severity: int) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO flags (session_id, kind, detail, severity, captured_at) VALUES (?, ?, ?, ?, ?)",
                (session_id, kind, detail[:1000], severity, int(time.time())),
            )
            self.conn.execute("UPDATE exam_sessions SET flag_count = flag_count + 1 WHERE id = ?", (session_id,))


def parse_event(body: bytes) -> dict:
    event = json.loads(body.decode("utf-8"))
    if not isinstance(event, dict):
        raise ValueError("event must be an object")
    return event


def handle(sink: EventSink, event: dict) -> None:
    kind = str(event.get("kind", ""))
    if kind not in FLAG_KINDS:
        return
    session_id = int(event["session_id"])
    candidate = str(event.get("candidate", "?"))
    detail = str(event.get("detail", ""))
    severity = int(event.get("severity", 1))
    sink.record(session_id, kind, detail, severity)
    if severity >= 3:
        log.warning("high-severity flag %s for candidate %r: %r", kind, candidate, detail)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    sink = EventSink(DB_PATH)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    params.socket_timeout = 10
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)

    def on_message(ch, method, properties, body):
        try:
            handle(sink, parse_event(body))
        except (ValueError, KeyError, TypeError):
            log.exception("dropping malformed proctoring event")
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
