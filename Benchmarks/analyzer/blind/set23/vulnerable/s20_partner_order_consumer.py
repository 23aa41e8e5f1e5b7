"""Consumes partner order events from SQS and books them into the fulfilment DB.

Partners publish to the queue through the public ingestion API, which forwards the
request body unchanged.
"""
import logging
import os
from dataclasses import dataclass
from typing import List

import boto3
import jsonpickle
from sqlalchemy import create_engine, text

log = logging.getLogger("fulfilment.orders")
QUEUE_URL = os.environ["PARTNER_ORDERS_QUEUE_URL"]
engine = create_engine(os.environ["FULFILMENT_DB_URL"])


@dataclass
class OrderLine:
    sku: str
    quantity: int


@dataclass
class OrderEvent:
    partner_id: str
    order_ref: str
    lines: List[OrderLine]


class OrderMessageDecoder:
    def decode(self, body: str) -> OrderEvent:
        event = jsonpickle.decode(body)  # VULN flow
        if not isinstance(event, OrderEvent):
            raise ValueError("unexpected message type")
        return event


class FulfilmentBooker:
    def book(self, event: OrderEvent) -> None:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO orders (partner_id, order_ref) VALUES (:p, :r)"),
                {"p": event.partner_id, "r": event.order_ref},
            )
            for line in event.lines:
                conn.execute(
                    text("INSERT INTO order_lines (order_ref, sku, qty) VALUES (:r, :s, :q)"),
                    {"r": event.order_ref, "s": line.sku, "q": line.quantity},
                )


def poll_forever() -> None:
    sqs = boto3.client("sqs")
    decoder, booker = OrderMessageDecoder(), FulfilmentBooker()
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            try:
                event = decoder.decode(msg["Body"])
                booker.book(event)
                log.info("booked order %r from partner %r", event.order_ref, event.partner_id)
            except Exception as exc:
                log.error("dropping message %r: %r", msg.get("MessageId"), exc)
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever()
