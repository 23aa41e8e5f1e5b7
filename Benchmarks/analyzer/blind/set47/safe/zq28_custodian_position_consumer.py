"""Custodian position snapshot consumer (Kafka -> positions store).

External custodians publish end-of-day holdings to a shared topic via the
partner gateway; each message is one position snapshot.
"""
import json
import logging
import os
import signal
from dataclasses import asdict, dataclass
from decimal import Decimal

import jsonpickle
from confluent_kafka import Consumer, KafkaError, Producer

from positions.store import PositionStore

log = logging.getLogger("positions.consumer")

TOPIC = os.environ.get("CUSTODIAN_TOPIC", "custodian.positions.v1")
DLQ_TOPIC = TOPIC + ".dlq"
KAFKA_CONF = {
    "bootstrap.servers": os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092"),
    "group.id": "positions-loader",
    "enable.auto.commit": False,
    "auto.offset.reset": "earliest",
}


@dataclass
class PositionSnapshot:
    custodian: str
    account: str
    isin: str
    quantity: Decimal
    market_value: Decimal
    currency: str
    as_of: str


def decode_snapshot(raw: bytes) -> PositionSnapshot:
    text = raw.decode("utf-8")
    obj = json.loads(text)
    if not isinstance(obj, dict):
        raise ValueError("snapshot must be a JSON object")
    return PositionSnapshot(
        custodian=obj["custodian"], account=obj["account"], isin=obj["isin"],
        quantity=Decimal(str(obj["quantity"])), market_value=Decimal(str(obj["market_value"])),
        currency=obj["currency"], as_of=obj["as_of"],
    )


def encode_for_dlq(snapshot_or_raw, reason: str) -> str:
    body = asdict(snapshot_or_raw) if isinstance(snapshot_or_raw, PositionSnapshot) else repr(snapshot_or_raw)
    return jsonpickle.encode({"reason": reason, "body": body}, unpicklable=False)


def run() -> None:
    store = PositionStore.from_env()
    consumer = Consumer(KAFKA_CONF)
    dlq = Producer({"bootstrap.servers": KAFKA_CONF["bootstrap.servers"]})
    consumer.subscribe([TOPIC])
    running = True

    def _stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, _stop)
    while running:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            if msg.error().code() != KafkaError._PARTITION_EOF:
                log.error("kafka error: %s", msg.error())
            continue
        try:
            snap = decode_snapshot(msg.value())
            store.upsert(snap.custodian, snap.account, snap.isin, snap.quantity, snap.market_value,
                         snap.currency, snap.as_of)
        except (KeyError, ValueError, TypeError, UnicodeDecodeError) as exc:
            log.warning("bad snapshot at offset %d: %r", msg.offset(), exc)
            dlq.produce(DLQ_TOPIC, encode_for_dlq(msg.value(), str(exc)).encode())
        consumer.commit(message=msg, asynchronous=False)
    dlq.flush(10)
    consumer.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
