import json
import logging
import os

import pika
from sqlalchemy import create_engine, text

log = logging.getLogger("archiver")
engine = create_engine(os.environ["DATABASE_URL"])


def build_where(filters):
    clauses = []
    for column, value in filters.items():
        clauses.append(f"{column} = '{value}'")
    return " AND ".join(clauses) or "1=1"


def on_message(channel, method, properties, body):
    payload = json.loads(body)
    where = build_where(payload.get("filters", {}))
    with engine.begin() as conn:
        result = conn.execute(text(f"DELETE FROM events WHERE {where}"))  # VULN flow
    log.info("archived %d events", result.rowcount)
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue="events.archive", durable=True)
    channel.basic_consume(queue="events.archive", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
