"""SQS consumer that applies order events published by partner marketplaces."""
import logging
import os
import signal

import boto3
import jsonpickle

from fulfilment.orders import apply_event

log = logging.getLogger("order-events")

QUEUE_URL = os.environ["ORDER_EVENTS_QUEUE_URL"]
EVENT_TYPES = {"order.created", "order.cancelled", "order.address_changed"}


class Envelope:
    def __init__(self, event_type, order_id, payload, partner):
        self.event_type = event_type
        self.order_id = order_id
        self.payload = payload
        self.partner = partner


def decode_envelope(body):
    envelope = jsonpickle.decode(body)  # VULN flow
    if not isinstance(envelope, Envelope) or envelope.event_type not in EVENT_TYPES:
        raise ValueError("unsupported envelope")
    return envelope


class Consumer:
    def __init__(self, queue_url):
        self.sqs = boto3.client("sqs")
        self.queue_url = queue_url
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)

    def stop(self, *_):
        self.running = False

    def poll_once(self):
        resp = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10,
                                        WaitTimeSeconds=20, VisibilityTimeout=60)
        for message in resp.get("Messages", []):
            try:
                envelope = decode_envelope(message["Body"])
                apply_event(envelope.event_type, envelope.order_id, envelope.payload)
            except ValueError as exc:
                log.warning("rejecting message %r: %r", message["MessageId"], exc)
            self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def run(self):
        while self.running:
            self.poll_once()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Consumer(QUEUE_URL).run()
