"""Consumes claim event messages that third-party administrators push into SQS."""
import json
import logging
import os

import boto3
import psycopg2

log = logging.getLogger("tpa.consumer")

QUEUE_URL = os.environ["TPA_EVENTS_QUEUE_URL"]
DSN = os.environ.get("CLAIMS_DSN", "dbname=claims")
EVENT_TYPES = {"PAYMENT", "RESERVE", "NOTE", "STATUS"}
FIELDS = ("claim_ref", "event_type", "amount", "note", "tpa_code")


class ClaimEvent:
    def __init__(self, claim_ref, event_type, amount=None, note="", tpa_code=""):
        self.claim_ref = claim_ref
        self.event_type = event_type
        self.amount = amount
        self.note = note
        self.tpa_code = tpa_code


def decode_event(body: str) -> ClaimEvent:
    obj = json.loads(body)
    if not isinstance(obj, dict):
        raise ValueError("event must be a JSON object")
    return ClaimEvent(**{k: obj[k] for k in FIELDS if k in obj})


def build_insert(event: ClaimEvent):
    amount = None if event.amount is None else float(event.amount)
    sql = (
        "INSERT INTO claim_events (claim_ref, event_type, amount, note, tpa_code, received_at) "
        "VALUES (%s, %s, %s, %s, %s, now())"
    )
    return sql, (event.claim_ref, event.event_type, amount, event.note, event.tpa_code)


def persist(conn, event: ClaimEvent) -> None:
    sql, params = build_insert(event)
    with conn.cursor() as cur:
        cur.execute(sql, params)
    conn.commit()


def poll(sqs, conn) -> int:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    handled = 0
    for msg in resp.get("Messages", []):
        try:
            event = decode_event(msg["Body"])
            if event.event_type not in EVENT_TYPES:
                log.warning("dropping unknown event type %r", event.event_type)
            else:
                persist(conn, event)
                handled += 1
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
        except Exception:
            conn.rollback()
            log.exception("failed to process message %s", msg.get("MessageId"))
    return handled


def main() -> None:
    sqs = boto3.client("sqs")
    conn = psycopg2.connect(DSN)
    log.info("consuming TPA events from %s", QUEUE_URL)
    try:
        while True:
            poll(sqs, conn)
    finally:
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
