import json
import logging
import os
import time

import boto3
import psycopg2

logger = logging.getLogger("orders.consumer")

QUEUE_URL = os.environ["ORDER_EVENTS_QUEUE_URL"]
VALID_STATUSES = {"picked", "packed", "shipped", "delivered", "returned"}


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def update_status(self, order_ref, status, warehouse):
        sql = (
            "UPDATE orders SET status = %s, warehouse_code = %s, updated_at = now() "
            "WHERE external_ref = %s"
        )
        with self.conn.cursor() as cur:
            cur.execute(sql, (status, warehouse, order_ref))
            return cur.rowcount


class OrderEventConsumer:
    def __init__(self, sqs, repo):
        self.sqs = sqs
        self.repo = repo

    def handle(self, message):
        event = json.loads(message["Body"])
        status = event.get("status")
        if status not in VALID_STATUSES:
            logger.warning("ignoring event with status=%r", status)
            return
        updated = self.repo.update_status(
            str(event["order_ref"]), status, str(event.get("warehouse", ""))
        )
        self.repo.conn.commit()
        if updated == 0:
            logger.warning("no order matched ref=%r", event["order_ref"])

    def poll_once(self):
        resp = self.sqs.receive_message(
            QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20
        )
        for message in resp.get("Messages", []):
            try:
                self.handle(message)
            except (ValueError, KeyError, psycopg2.Error):
                self.repo.conn.rollback()
                logger.exception("failed to process message id=%s", message["MessageId"])
                continue
            self.sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])

    def run_forever(self):
        while True:
            try:
                self.poll_once()
            except Exception:
                logger.exception("poll failed, backing off")
                time.sleep(5)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consumer = OrderEventConsumer(
        boto3.client("sqs"), OrderRepository(psycopg2.connect(os.environ["ORDERS_DSN"]))
    )
    consumer.run_forever()
