"""Invoice draft sync from the offline field tablets.

Tablets build invoice drafts while offline and push them when they get
signal. The API only queues the payload; the worker turns drafts into real
invoices so the tablet never waits on the billing database.
"""
import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List

import jsonpickle
import redis
from flask import Flask, jsonify, request

from billing.invoices import create_invoice
from fieldops.auth import tablet_required

log = logging.getLogger("draft_sync")
app = Flask(__name__)
queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))
QUEUE_KEY = "invoice:drafts"


@dataclass
class DraftLine:
    sku: str
    description: str
    qty: Decimal
    unit_price: Decimal


@dataclass
class InvoiceDraft:
    job_id: int
    technician: str
    lines: List[DraftLine] = field(default_factory=list)
    signature_png: str = ""

    def total(self) -> Decimal:
        return sum((l.qty * l.unit_price for l in self.lines), Decimal("0"))


@app.post("/sync/drafts")
@tablet_required
def push_draft():
    raw = request.get_data(as_text=True)
    if not raw or len(raw) > 512_000:
        return jsonify({"error": "bad draft"}), 400
    queue.rpush(QUEUE_KEY, raw)
    return jsonify({"queued": True}), 202


def decode_draft(raw: bytes) -> InvoiceDraft:
    draft = jsonpickle.decode(raw.decode("utf-8"))  # VULN flow
    if not isinstance(draft, InvoiceDraft):
        raise TypeError("payload is not an InvoiceDraft")
    return draft


def run_worker(block_seconds: int = 5) -> None:
    logging.basicConfig(level=logging.INFO)
    while True:
        item = queue.blpop(QUEUE_KEY, timeout=block_seconds)
        if item is None:
            continue
        _, raw = item
        try:
            draft = decode_draft(raw)
            invoice = create_invoice(draft.job_id, draft.technician, draft.lines, draft.signature_png)
            log.info("draft for job %s -> invoice %s (%s)", draft.job_id, invoice.number, draft.total())
        except Exception:
            log.exception("could not process draft; moving to dead-letter")
            queue.rpush(QUEUE_KEY + ":dead", raw)


if __name__ == "__main__":
    run_worker()
