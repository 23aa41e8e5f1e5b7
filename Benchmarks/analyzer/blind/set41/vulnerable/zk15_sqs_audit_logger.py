"""Drains the audit-events SQS queue into the append-only audit log.

Events are published by the public API gateway; the ``actor`` and
``detail`` fields are copied from the incoming request.
"""
import json
import logging
import os
import time
from datetime import datetime, timezone

import boto3

QUEUE_URL = os.environ["AUDIT_QUEUE_URL"]
AUDIT_LOG = os.environ.get("AUDIT_LOG_PATH", "/var/log/audit/events.log")
BATCH = 10

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("audit")
sqs = boto3.client("sqs")


class AuditEvent:
    __slots__ = ("actor", "action", "resource", "detail", "ts")

    def __init__(self, raw: dict):
        self.actor = raw.get("actor", "anonymous")
        self.action = raw["action"]
        self.resource = raw.get("resource", "-")
        self.detail = raw.get("detail", "")
        self.ts = raw.get("ts") or datetime.now(timezone.utc).isoformat()

    def line(self) -> str:
        return f"{self.ts} actor={self.actor} action={self.action} resource={self.resource} detail={self.detail}"


class AuditWriter:
    def __init__(self, path: str):
        self.path = path

    def append(self, event: AuditEvent) -> None:
        entry = event.line()
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(entry + "\n")  # VULN flow


def poll_once(writer: AuditWriter) -> int:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=BATCH, WaitTimeSeconds=20)
    messages = resp.get("Messages", [])
    for msg in messages:
        try:
            event = AuditEvent(json.loads(msg["Body"]))
        except (ValueError, KeyError):
            log.warning("dropping malformed audit message %s", msg["MessageId"])
        else:
            writer.append(event)
            if event.action.startswith("auth."):
                log.info("auth event from %s: %s", event.actor, event.detail)  # VULN flow
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
    return len(messages)


def main():
    writer = AuditWriter(AUDIT_LOG)
    while True:
        try:
            poll_once(writer)
        except Exception:
            log.exception("audit poll failed")
            time.sleep(5)


if __name__ == "__main__":
    main()
