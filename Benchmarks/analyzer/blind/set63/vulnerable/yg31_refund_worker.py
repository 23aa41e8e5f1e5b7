"""Refund worker: consumes customer refund requests from SQS and updates orders."""
import json
import logging
import os
import time

import boto3
import pymysql

log = logging.getLogger("refund_worker")

QUEUE_URL = os.environ["REFUND_QUEUE_URL"]
DB_SETTINGS = {
    "host": os.environ.get("ORDERS_DB_HOST", "orders-db"),
    "user": os.environ.get("ORDERS_DB_USER", "refunds"),
    "password": os.environ.get("ORDERS_DB_PASSWORD", ""),
    "database": "ticketing",
}


class OrderStore:
    def __init__(self, conn):
        self.conn = conn

    def mark_refunded(self, order_ref: str, reason: str, amount_cents: int) -> int:
        sql = (
            "UPDATE orders SET status = 'refunded', refund_reason = '%s', refunded_cents = %d "
            "WHERE order_ref = '%s' AND status = 'paid'" % (reason, amount_cents, order_ref)
        )
        with self.conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            updated = cur.rowcount
        self.conn.commit()
        return updated


def handle(message: dict, store: OrderStore) -> None:
    req = json.loads(message["Body"])
    order_ref = str(req["order_ref"])
    reason = str(req.get("reason", "customer request"))[:255]
    amount = int(req["amount_cents"])
    updated = store.mark_refunded(order_ref, reason, amount)
    outcome = "applied" if updated else "skipped"
    log.info("refund %s for order %s: %s" % (outcome, order_ref, reason))  # VULN flow


def run_forever() -> None:
    sqs = boto3.client("sqs")
    store = OrderStore(pymysql.connect(**DB_SETTINGS))
    while True:
        batch = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in batch.get("Messages", []):
            try:
                handle(message, store)
            except (KeyError, ValueError, pymysql.MySQLError):
                log.exception("refund message %s failed", message.get("MessageId"))
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
        if not batch.get("Messages"):
            time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    run_forever()
