"""Points ledger consumer.

Store terminals, the mobile app and partner integrations publish loyalty
events (earn / redeem / adjust) on the ``loyalty-events`` topic; this
worker applies them to the points ledger.
"""
import logging
import os
from dataclasses import dataclass
from typing import Dict

import jsonpickle
from kafka import KafkaConsumer

log = logging.getLogger("loyalty.ledger")

TOPIC = "loyalty-events"
VALID_KINDS = {"earn", "redeem", "adjust"}


@dataclass
class LoyaltyEvent:
    member_id: str
    kind: str
    points: int
    txn_id: str = ""
    source: str = "pos"


class PointsLedger:
    def __init__(self) -> None:
        self.balances: Dict[str, int] = {}

    def apply(self, ev: LoyaltyEvent) -> int:
        if ev.kind not in VALID_KINDS:
            raise ValueError(f"unknown event kind {ev.kind!r}")
        delta = -abs(ev.points) if ev.kind == "redeem" else ev.points
        new_balance = self.balances.get(ev.member_id, 0) + delta
        if new_balance < 0:
            raise ValueError("insufficient points")
        self.balances[ev.member_id] = new_balance
        return new_balance


def decode_event(payload: bytes) -> LoyaltyEvent:
    text = payload.decode("utf-8")
    obj = jsonpickle.decode(text)  # VULN flow
    if not isinstance(obj, LoyaltyEvent):
        raise TypeError("unexpected payload type")
    return obj


def run(ledger: PointsLedger) -> None:
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BROKERS", "localhost:9092").split(","),
        group_id="points-ledger",
        enable_auto_commit=False,
    )
    for msg in consumer:
        try:
            ev = decode_event(msg.value)
            balance = ledger.apply(ev)
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            log.warning("skipping event at offset %d: %r", msg.offset, exc)
        else:
            log.info("member %r balance now %d", ev.member_id, balance)
        consumer.commit()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(PointsLedger())
