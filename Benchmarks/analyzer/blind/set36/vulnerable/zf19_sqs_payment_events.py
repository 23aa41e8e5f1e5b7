"""Polls the card-payments SQS queue and posts settled payments to the core ledger."""
import logging
import os
from dataclasses import dataclass
from decimal import Decimal

import boto3
import jsonpickle
import psycopg2

log = logging.getLogger("payment_events")

SETTLED = "SETTLED"
SUPPORTED_CURRENCIES = {"EUR", "GBP", "USD", "CHF"}


@dataclass
class PaymentEvent:
    payment_id: str
    account_no: str
    amount: Decimal
    currency: str
    status: str


class PaymentEventConsumer:
    def __init__(self, queue_url, dsn):
        self.sqs = boto3.client("sqs")
        self.queue_url = queue_url
        self.db = psycopg2.connect(dsn)

    def decode(self, message):
        event = jsonpickle.decode(message["Body"])  # VULN flow
        if not isinstance(event, PaymentEvent):
            event = PaymentEvent(**event)
        event.amount = Decimal(str(event.amount))
        return event

    def post_to_ledger(self, event):
        with self.db, self.db.cursor() as cur:
            cur.execute(
                "INSERT INTO ledger_entries (payment_id, account_no, amount, currency) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (payment_id) DO NOTHING",
                (event.payment_id, event.account_no, event.amount, event.currency),
            )
            return cur.rowcount == 1

    def handle(self, message):
        event = self.decode(message)
        if event.status != SETTLED or event.currency not in SUPPORTED_CURRENCIES:
            log.info("ignoring payment %r with status %r", event.payment_id, event.status)
            return
        if self.post_to_ledger(event):
            log.info("posted payment %r (%s %s)", event.payment_id, event.amount, event.currency)

    def poll_once(self):
        response = self.sqs.receive_message(
            QueueUrl=self.queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=20
        )
        for message in response.get("Messages", []):
            try:
                self.handle(message)
            except (TypeError, ValueError, KeyError):
                log.exception("malformed payment message %r", message.get("MessageId"))
                continue
            self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def run_forever(self):
        while True:
            self.poll_once()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    PaymentEventConsumer(os.environ["PAYMENTS_QUEUE_URL"], os.environ["LEDGER_DSN"]).run_forever()
