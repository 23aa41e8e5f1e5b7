"""Consumes ICAO flight plan filings forwarded by the dispatch gateway.

The gateway accepts filings from third-party flight planning vendors and
relays them onto the ``fpl.inbound`` queue as YAML documents.
"""
import logging
import os
import sqlite3

import pika
import yaml

log = logging.getLogger("fpl.consumer")

QUEUE = "fpl.inbound"
DB_PATH = os.environ.get("FPL_DB", "/var/lib/dispatch/fpl.db")
REQUIRED = ("callsign", "aircraft_type", "departure", "destination", "eobt", "route")


class FlightPlan:
    def __init__(self, doc):
        self.doc = doc
        self.callsign = str(doc.get("callsign", "")).upper()
        self.aircraft_type = str(doc.get("aircraft_type", "")).upper()
        self.departure = str(doc.get("departure", "")).upper()
        self.destination = str(doc.get("destination", "")).upper()
        self.eobt = str(doc.get("eobt", ""))
        self.route = str(doc.get("route", ""))
        self.alternates = list(doc.get("alternates", []))

    def validate(self):
        missing = [k for k in REQUIRED if not self.doc.get(k)]
        if missing:
            raise ValueError("missing fields: %s" % ", ".join(missing))
        if len(self.departure) != 4 or len(self.destination) != 4:
            raise ValueError("aerodromes must be ICAO codes")


def decode_filing(body: bytes) -> dict:
    text = body.decode("utf-8")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("filing must be a mapping")
    return doc


def store_plan(plan: FlightPlan):
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT INTO filed_plans (callsign, type, adep, ades, eobt, route, altn) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (plan.callsign, plan.aircraft_type, plan.departure, plan.destination,
             plan.eobt, plan.route, ",".join(plan.alternates)),
        )


def on_message(channel, method, properties, body):
    try:
        plan = FlightPlan(decode_filing(body))
        plan.validate()
    except (ValueError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("rejecting filing: %r", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    store_plan(plan)
    log.info("stored FPL %r %r-%r", plan.callsign, plan.departure, plan.destination)
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
