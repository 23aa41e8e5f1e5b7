#!/usr/bin/env python3
"""311 service-request worker.

Consumes ticket messages published by the public intake gateway (web form,
SMS bot and partner apps) and routes them to the right department queue.
"""
import base64
import json
import logging
import os
import sys

import dill
import pika
import psycopg2

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
INTAKE_QUEUE = "311.intake"
PG_DSN = os.environ.get("PG_DSN", "dbname=civic311")

ROUTING = {
    "pothole": "public-works",
    "streetlight": "public-works",
    "graffiti": "parks",
    "missed-pickup": "sanitation",
    "noise": "code-enforcement",
}

log = logging.getLogger("311_worker")


def decode_ticket(body: bytes) -> dict:
    envelope = json.loads(body)
    if envelope.get("encoding") == "dill":
        # partner apps send rich objects (geometry, attachments) this way
        payload = base64.b64decode(envelope["payload"])
        return dill.loads(payload)  # VULN flow
    return envelope["payload"]


def store_ticket(conn, ticket: dict, department: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO tickets (category, description, lat, lon, reporter_contact, department) "
            "VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
            (
                ticket.get("category"),
                ticket.get("description", "")[:4000],
                ticket.get("lat"),
                ticket.get("lon"),
                ticket.get("contact"),
                department,
            ),
        )
        ticket_id = cur.fetchone()[0]
    conn.commit()
    return ticket_id


def make_callback(conn):
    def on_message(channel, method, properties, body):
        try:
            ticket = decode_ticket(body)
        except Exception:
            log.exception("undecodable message, dead-lettering")
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        department = ROUTING.get(ticket.get("category"), "311-triage")
        ticket_id = store_ticket(conn, ticket, department)
        channel.basic_publish(exchange="", routing_key=f"dept.{department}", body=str(ticket_id).encode())
        channel.basic_ack(method.delivery_tag)
        log.info("ticket %d routed to %s", ticket_id, department)

    return on_message


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(PG_DSN)
    params = pika.URLParameters(AMQP_URL)
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=INTAKE_QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=INTAKE_QUEUE, on_message_callback=make_callback(conn))
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
