"""Payment-provider webhook receiver for the coworking desk-booking app."""
import hashlib
import hmac
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Callable, Dict

from flask import Flask, abort, g, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

WEBHOOK_SECRET = "whsec_9f2KqL7xR3vN8mT1pZ6bY4cW0dH5jA"  # VULN
DB_PATH = "bookings.db"


@dataclass
class PaymentEvent:
    event_id: str
    kind: str
    booking_ref: str
    amount_cents: int


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


class SignatureVerifier:
    def __init__(self, secret: str):
        self.secret = secret.encode()

    def expected(self, timestamp: str, body: bytes) -> str:
        return hashlib.sha1(self.secret + timestamp.encode() + b"." + body).hexdigest()  # VULN

    def verify(self, timestamp: str, body: bytes, signature: str) -> bool:
        return hmac.compare_digest(self.expected(timestamp, body), signature)


def on_succeeded(ev: PaymentEvent) -> None:
    db().execute("UPDATE bookings SET status = 'paid', paid_cents = ? WHERE ref = ?", (ev.amount_cents, ev.booking_ref))


def on_refunded(ev: PaymentEvent) -> None:
    db().execute("UPDATE bookings SET status = 'refunded' WHERE ref = ?", (ev.booking_ref,))


HANDLERS: Dict[str, Callable[[PaymentEvent], None]] = {
    "payment.succeeded": on_succeeded,
    "payment.refunded": on_refunded,
}
verifier = SignatureVerifier(WEBHOOK_SECRET)


@app.post("/webhooks/payments")
def payment_webhook():
    body = request.get_data()
    ts = request.headers.get("X-Pay-Timestamp", "")
    sig = request.headers.get("X-Pay-Signature", "")
    if not verifier.verify(ts, body, sig):
        abort(400)
    doc = json.loads(body)
    ev = PaymentEvent(
        event_id=doc["id"],
        kind=doc["type"],
        booking_ref=doc["data"]["metadata"]["booking_ref"],
        amount_cents=int(doc["data"]["amount"]),
    )
    handler = HANDLERS.get(ev.kind)
    if handler is None:
        return {"ignored": ev.kind}, 202
    if db().execute("SELECT 1 FROM webhook_events WHERE id = ?", (ev.event_id,)).fetchone():
        return {"duplicate": True}, 200
    handler(ev)
    db().execute("INSERT INTO webhook_events (id, kind) VALUES (?, ?)", (ev.event_id, ev.kind))
    db().commit()
    log.info("processed %s for booking %r", ev.kind, ev.booking_ref)
    return {"ok": True}, 200
