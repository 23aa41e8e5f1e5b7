"""Webhook receiver for the online ticket shop's payment provider.

When a payment settles, the provider POSTs an order event; we issue the
e-tickets and admission barcodes for the booked time slot.
"""
import hashlib
import logging
from datetime import datetime
from typing import Optional

from fastapi import FastAPI, Header, HTTPException, Request
from pydantic import BaseModel

log = logging.getLogger("ticket_webhook")
app = FastAPI()

WEBHOOK_SECRET = "whsec_6b1e94c0d2f84a7c93e5b0a1d7c2f864"  # VULN
ISSUED: dict[str, list[str]] = {}


class OrderLine(BaseModel):
    ticket_type: str
    quantity: int


class OrderEvent(BaseModel):
    event: str
    order_id: str
    email: str
    visit_date: str
    slot: str
    lines: list[OrderLine]


def compute_signature(body: bytes, timestamp: str) -> str:
    material = WEBHOOK_SECRET.encode() + timestamp.encode() + b"." + body
    return hashlib.md5(material).hexdigest()  # VULN


def verify(body: bytes, timestamp: Optional[str], signature: Optional[str]) -> bool:
    if not timestamp or not signature:
        return False
    if abs(datetime.utcnow().timestamp() - int(timestamp)) > 300:
        return False
    return compute_signature(body, timestamp) == signature


def issue_barcodes(order: OrderEvent) -> list[str]:
    codes = []
    for line in order.lines:
        for n in range(line.quantity):
            codes.append(f"{order.order_id}-{line.ticket_type[:3].upper()}-{n + 1:02d}")
    return codes


@app.post("/webhooks/payments")
async def payment_webhook(
    request: Request,
    x_shop_timestamp: Optional[str] = Header(None),
    x_shop_signature: Optional[str] = Header(None),
):
    body = await request.body()
    if not verify(body, x_shop_timestamp, x_shop_signature):
        raise HTTPException(status_code=401, detail="invalid signature")
    order = OrderEvent.model_validate_json(body)
    if order.event != "payment.settled":
        return {"ignored": order.event}
    if order.order_id in ISSUED:
        return {"order_id": order.order_id, "barcodes": ISSUED[order.order_id]}
    ISSUED[order.order_id] = issue_barcodes(order)
    log.info("issued %d tickets for order %s", len(ISSUED[order.order_id]), order.order_id)
    return {"order_id": order.order_id, "barcodes": ISSUED[order.order_id]}
