import json
import logging
import os

import pika
from sqlalchemy import create_engine, text

log = logging.getLogger("archiver")
engine = create_engine(os.environ["DATABASE_URL"])

FILTER_COLUMNS = {"type": "event_type", "source": "source", "tenant": "tenant_id"}


def build_where(filters):
    clauses, params = [], {}
    for i, (key, value) in enumerate(filters.items()):
        column = FILTER_COLUMNS.get(key)
        if column is None:
            raise ValueError(f"unsupported filter {key!r}")
        clauses.append(f"{column} = :p{i}")
        params[f"p{i}"] = value
    return " AND ".join(clauses) or "1=1", params


def on_message(channel, method, properties, body):
    payload = json.loads(body)
    try:
        where, params = build_where(payload.get("filters", {}))
    except ValueError:
        log.warning("dropping archive request with bad filters")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    with engine.begin() as conn:
        result = conn.execute(text(f"DELETE FROM events WHERE {where}"), params)
    log.info("archived %d events", result.rowcount)
    channel.basic_ack(delivery_tag=method.delivery_tag)


if __name__ == "__main__":
    channel = pika.BlockingConnection(pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost"))).channel()
    channel.queue_declare(queue="events.archive", durable=True)
    channel.basic_consume(queue="events.archive", on_message_callback=on_message)
    channel.start_consuming()
