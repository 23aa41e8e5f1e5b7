"""Queue consumer for grantee progress reports.

Grantees upload their quarterly report (YAML exported from the reporting
template) through the partner portal; the portal drops the raw file on the
`grant-reports` queue and this worker validates and files it.
"""
import json
import logging
import os
import sqlite3

import pika
import yaml

log = logging.getLogger("grants.reports")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "grant-reports"
DB_PATH = os.environ.get("GRANTS_DB", "/var/lib/grants/reports.db")
REQUIRED = ("grant_id", "period", "people_served", "spent_to_date")


class ReportError(ValueError):
    pass


def parse_report(body: bytes) -> dict:
    text = body.decode("utf-8")
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ReportError("report must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise ReportError(f"missing fields: {', '.join(missing)}")
    return doc


def file_report(report: dict) -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT INTO progress_reports (grant_id, period, people_served, spent_to_date, raw) "
            "VALUES (?, ?, ?, ?, ?)",
            (int(report["grant_id"]), str(report["period"]), int(report["people_served"]),
             float(report["spent_to_date"]), json.dumps(report, default=str)),
        )


def handle_message(ch, method, properties, body):
    try:
        report = parse_report(body)
        file_report(report)
    except (ReportError, yaml.YAMLError, ValueError, TypeError) as exc:
        log.warning("rejecting report (delivery %s): %r", method.delivery_tag, str(exc))
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    log.info("filed report for grant %d", int(report["grant_id"]))
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
