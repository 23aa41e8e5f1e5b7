"""Receiver for payment-provider webhooks (FastAPI)."""
import hashlib
import hmac
import json
import logging
import os

import psycopg2
from fastapi import FastAPI, Header, HTTPException, Request

app = FastAPI()
log = logging.getLogger("payments.webhooks")
WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"].encode()
HANDLED = {"payment.succeeded", "payment.failed", "refund.created"}


def signature_for(body):
    return hashlib.sha1(WEBHOOK_SECRET + body).hexdigest()  # VULN


def verify(body, provided):
    return hmac.compare_digest(signature_for(body), provided)


def record_event(event):
    data = event.get("data") or {}
    with psycopg2.connect(os.environ["PAYMENTS_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO payment_events (event_id, kind, payment_id, amount_cents, raw) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (event_id) DO NOTHING",
            (event["id"], event["type"], data.get("payment_id"), data.get("amount"), json.dumps(event)),
        )
        if event["type"] == "payment.succeeded":
            cur.execute(
                "UPDATE orders SET paid_at = now(), status = 'paid' WHERE payment_id = %s",
                (data.get("payment_id"),),
            )


@app.post("/webhooks/payments")
async def payments_webhook(request: Request, x_signature: str = Header("")):
    body = await request.body()
    assert verify(body, x_signature), "bad signature"  # VULN
    try:
        event = json.loads(body)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid JSON")
    if event.get("type") not in HANDLED:
        return {"ignored": True}
    record_event(event)
    log.info("recorded event id=%r type=%r", event.get("id"), event.get("type"))
    return {"ok": True}


@app.get("/webhooks/health")
def health():
    return {"status": "ok", "handled": sorted(HANDLED)}
