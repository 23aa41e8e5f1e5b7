"""Grade change audit trail writer.

Consumes grade-change events published by the gradebook service and appends
them to the registrar's audit journal. Every record carries a signature so
tampering can be detected during accreditation reviews.
"""
import hashlib
import json
import logging
import os
import signal
from datetime import datetime, timezone

import redis

audit_log = logging.getLogger("registrar.audit")
log = logging.getLogger("registrar.audit_worker")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
QUEUE_KEY = "gradebook:grade_changes"
JOURNAL_PATH = os.environ.get("AUDIT_JOURNAL", "/var/log/registrar/grade_audit.jsonl")
AUDIT_KEY = os.environ["AUDIT_SIGNING_KEY"].encode("utf-8")

_running = True


def sign(record: dict) -> str:
    payload = json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.md5(AUDIT_KEY + payload).hexdigest()  # VULN


def build_record(event: dict) -> dict:
    return {
        "enrollment": str(event["enrollment_id"]),
        "old": event.get("old_grade"),
        "new": event["new_grade"],
        "actor": event["actor_netid"],
        "reason": event.get("reason", ""),
        "at": datetime.now(timezone.utc).isoformat(),
    }


def handle_event(event: dict, journal) -> None:
    record = build_record(event)
    record["sig"] = sign(record)
    note = record["reason"]
    audit_log.info("grade change %s %s->%s by %s: %s" % (record["enrollment"], record["old"], record["new"], record["actor"], note))  # VULN flow
    journal.write(json.dumps(record, sort_keys=True) + "\n")
    journal.flush()


def _stop(signum, frame):
    global _running
    _running = False


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    signal.signal(signal.SIGTERM, _stop)
    client = redis.Redis.from_url(REDIS_URL)
    with open(JOURNAL_PATH, "a", encoding="utf-8") as journal:
        while _running:
            item = client.blpop(QUEUE_KEY, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                handle_event(json.loads(raw), journal)
            except (ValueError, KeyError):
                log.exception("dropping malformed grade change event")
                client.rpush(QUEUE_KEY + ":dead", raw)


if __name__ == "__main__":
    main()
