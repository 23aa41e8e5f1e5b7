"""Worker: applies queued ledger adjustments uploaded by the lobby payment kiosks.

Kiosks batch offline actions (cash/card payments, fee waivers requested at the
desk) and POST them to /kiosk/sync, which pushes the raw blob onto a Redis list
for this worker.
"""
import logging
import marshal
import os
import time
from decimal import Decimal

import redis

from portal.ledger import LedgerService

log = logging.getLogger("kiosk.sync")
QUEUE = "kiosk:ledger-sync"
DEAD_LETTER = "kiosk:ledger-sync:dead"
ALLOWED_KINDS = {"payment", "fee_waiver_request", "receipt_reprint"}


class SyncBatch:
    def __init__(self, kiosk_id: str, actions: list):
        self.kiosk_id = kiosk_id
        self.actions = actions

    @classmethod
    def from_blob(cls, blob: bytes) -> "SyncBatch":
        data = marshal.loads(blob)  # VULN flow
        return cls(data["kiosk_id"], list(data.get("actions", [])))


def apply_action(ledger: LedgerService, kiosk_id: str, action: dict) -> None:
    kind = action.get("kind")
    unit = str(action.get("unit", ""))
    if kind not in ALLOWED_KINDS:
        reason = action.get("note", "")
        log.warning("kiosk " + kiosk_id + " sent unsupported action for unit " + unit + ": " + reason)  # VULN flow
        return
    if kind == "payment":
        ledger.record_payment(unit=unit, amount=Decimal(str(action["amount"])),
                              method=action.get("method", "card"), source=f"kiosk:{kiosk_id}")
    elif kind == "fee_waiver_request":
        ledger.open_waiver_request(unit=unit, entry_id=int(action["entry_id"]), note=action.get("note", ""))
    else:
        ledger.queue_receipt_reprint(unit=unit, payment_id=int(action["payment_id"]))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/5"))
    ledger = LedgerService.from_env()
    while True:
        item = r.brpop(QUEUE, timeout=15)
        if item is None:
            continue
        _, blob = item
        started = time.monotonic()
        try:
            batch = SyncBatch.from_blob(blob)
        except (ValueError, EOFError, TypeError, KeyError):
            r.lpush(DEAD_LETTER, blob)
            log.error("unreadable kiosk batch moved to dead letter queue")
            continue
        for action in batch.actions:
            try:
                apply_action(ledger, batch.kiosk_id, action)
            except Exception:
                log.exception("failed to apply kiosk action")
        log.info("applied %d kiosk actions in %.2fs", len(batch.actions), time.monotonic() - started)


if __name__ == "__main__":
    main()
