"""Receives e-prescription status callbacks (RxFill, CancelRxResponse,
RxChangeRequest) from the prescription routing network and updates the
prescriber's outbox in the telemedicine platform.
"""
import hashlib
import hmac
import json
import logging
import os
from datetime import datetime, timezone

from fastapi import FastAPI, Header, HTTPException, Request

from erx.store import OutboxStore

log = logging.getLogger("erx.webhook")
app = FastAPI()
store = OutboxStore()

WEBHOOK_SECRET = os.environ["ERX_WEBHOOK_SECRET"]
MAX_SKEW_SECONDS = 300
HANDLED = {"RxFill", "CancelRxResponse", "RxChangeRequest", "Error", "Status"}


def sign(timestamp: str, body: bytes) -> str:
    material = timestamp.encode() + b"." + body
    return hmac.new(WEBHOOK_SECRET.encode(), material, hashlib.sha256).hexdigest()


def verify(timestamp: str, body: bytes, signature: str) -> bool:
    try:
        sent = datetime.fromtimestamp(int(timestamp), tz=timezone.utc)
    except (TypeError, ValueError):
        return False
    if abs((datetime.now(timezone.utc) - sent).total_seconds()) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(sign(timestamp, body), signature or "")


def apply_event(event: dict) -> None:
    kind = event.get("messageType")
    rx_ref = event.get("relatesToMessageId")
    if kind == "RxFill":
        store.mark_filled(rx_ref, event.get("fillStatus"), event.get("pharmacyNcpdpId"))
    elif kind == "CancelRxResponse":
        store.mark_cancel_result(rx_ref, event.get("approved") is True, event.get("note"))
    elif kind == "RxChangeRequest":
        store.open_change_request(rx_ref, event)
    else:
        store.append_status(rx_ref, kind, event.get("code"), event.get("description"))


@app.post("/webhooks/erx")
async def erx_webhook(
    request: Request,
    x_erx_timestamp: str = Header(default=""),
    x_erx_signature: str = Header(default=""),
):
    body = await request.body()
    if not verify(x_erx_timestamp, body, x_erx_signature):
        raise HTTPException(status_code=401, detail="bad signature")
    try:
        event = json.loads(body)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid JSON")
    if event.get("messageType") not in HANDLED:
        return {"ignored": True}
    apply_event(event)
    log.info("processed %s for message %r", event["messageType"], event.get("messageId"))
    return {"ok": True}
