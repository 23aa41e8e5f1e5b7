"""Consumer for charge detail records (CDRs) arriving from roaming partners.

The roaming hub adapter publishes partner CDRs onto the `cdr.inbound`
exchange. Older partner adapters (the Python-based ones) publish pickled
dicts; newer ones send JSON. We normalise, validate and hand off to billing.
"""
import json
import logging
import os
import pickle
from decimal import Decimal

import pika

log = logging.getLogger("cdr.consumer")

QUEUE = "cdr.inbound.billing"
REQUIRED = ("id", "party_id", "start_date_time", "end_date_time", "total_energy", "total_cost")


class CdrRejected(Exception):
    pass


def decode_cdr(body: bytes, content_type: str) -> dict:
    if content_type == "application/json":
        return json.loads(body)
    if content_type in ("application/x-python-pickle", "application/octet-stream"):
        return pickle.loads(body)  # VULN flow
    raise CdrRejected("unsupported content type %r" % content_type)


def normalise(cdr: dict) -> dict:
    missing = [k for k in REQUIRED if k not in cdr]
    if missing:
        raise CdrRejected("missing fields: %s" % ", ".join(missing))
    cost = cdr["total_cost"]
    if isinstance(cost, dict):
        cost = cost.get("excl_vat", 0)
    return {
        "external_id": str(cdr["id"]),
        "party_id": str(cdr["party_id"]).upper(),
        "start": cdr["start_date_time"],
        "end": cdr["end_date_time"],
        "energy_kwh": Decimal(str(cdr["total_energy"])),
        "cost": Decimal(str(cost)),
        "currency": cdr.get("currency", "EUR"),
    }


class CdrConsumer:
    def __init__(self, billing):
        self.billing = billing

    def on_message(self, channel, method, properties, body):
        try:
            record = normalise(decode_cdr(body, properties.content_type or ""))
        except (CdrRejected, ValueError, KeyError) as exc:
            log.warning("rejecting delivery %s: %r", method.delivery_tag, exc)
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        self.billing.ingest(record)
        channel.basic_ack(method.delivery_tag)
        log.info("ingested CDR %r from %r", record["external_id"], record["party_id"])

    def run(self) -> None:
        params = pika.URLParameters(os.environ["AMQP_URL"])
        conn = pika.BlockingConnection(params)
        channel = conn.channel()
        channel.basic_qos(prefetch_count=20)
        channel.basic_consume(queue=QUEUE, on_message_callback=self.on_message)
        log.info("consuming from %s", QUEUE)
        try:
            channel.start_consuming()
        finally:
            conn.close()
