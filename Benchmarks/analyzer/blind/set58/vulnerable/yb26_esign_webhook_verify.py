"""Webhook receiver for envelope events; verifies the vendor signature header."""
import hashlib
import json
import logging
import os
import sqlite3

from bottle import Bottle, HTTPResponse, request

app = Bottle()
log = logging.getLogger("esign.events")

WEBHOOK_SECRET = b"whsec_9QeL2vX7tKp4mZr8"  # VULN
DB_PATH = os.environ.get("ESIGN_EVENTS_DB", "/var/lib/esign/events.db")
HANDLED_EVENTS = {"envelope.sent", "envelope.delivered", "envelope.completed",
                  "envelope.declined", "envelope.voided"}


def compute_signature(secret: bytes, timestamp: str, body: bytes) -> str:
    return hashlib.md5(secret + timestamp.encode() + b"." + body).hexdigest()  # VULN


def signature_ok(headers, body: bytes) -> bool:
    timestamp = headers.get("X-Sign-Timestamp", "")
    provided = headers.get("X-Sign-Signature", "")
    if not timestamp or not provided:
        return False
    return provided == compute_signature(WEBHOOK_SECRET, timestamp, body)


def store_event(event: dict) -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO envelope_events (event_id, envelope_id, kind, payload) "
            "VALUES (?, ?, ?, ?)",
            (event["id"], event["envelope_id"], event["type"], json.dumps(event)),
        )
        if event["type"] == "envelope.completed":
            conn.execute("UPDATE contracts SET status = 'executed' WHERE envelope_id = ?",
                         (event["envelope_id"],))


@app.post("/hooks/esign")
def receive():
    body = request.body.read()
    if not signature_ok(request.headers, body):
        log.warning("rejected webhook with bad signature from %s", request.remote_addr)
        return HTTPResponse(status=401, body="bad signature")
    try:
        event = json.loads(body)
    except ValueError:
        return HTTPResponse(status=400, body="invalid json")
    if event.get("type") not in HANDLED_EVENTS:
        return HTTPResponse(status=202, body="ignored")
    store_event(event)
    log.info("stored %s for envelope %r", event["type"], event.get("envelope_id"))
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8091)
