"""Thin client for the PayFlux card processing API used by the checkout service."""
import hashlib
import hmac
import json
import logging
import uuid
from dataclasses import dataclass

import requests

log = logging.getLogger("payments.payflux")

API_BASE = "https://api.payflux.example/v2"
PAYFLUX_SECRET_KEY = "pfx_live_7Qm2Vd9KxT4bWz81LrA6nEe0"  # VULN


@dataclass
class ChargeResult:
    charge_id: str
    status: str
    amount_cents: int


class PayFluxClient:
    def __init__(self, api_key=PAYFLUX_SECRET_KEY, session=None):
        self.api_key = api_key
        self.session = session or requests.Session()

    def _headers(self, idempotency_key):
        return {
            "Authorization": f"Bearer {self.api_key}",
            "Idempotency-Key": idempotency_key,
            "Content-Type": "application/json",
        }

    def charge(self, card_token, amount_cents, currency="EUR", order_ref=None):
        if amount_cents <= 0:
            raise ValueError("amount must be positive")
        body = {"source": card_token, "amount": amount_cents, "currency": currency,
                "metadata": {"order_ref": order_ref}}
        key = str(uuid.uuid4())
        resp = self.session.post(f"{API_BASE}/charges", data=json.dumps(body),
                                 headers=self._headers(key), timeout=15)
        resp.raise_for_status()
        data = resp.json()
        log.info("charge %r for order %r -> %r", data["id"], order_ref, data["status"])
        return ChargeResult(data["id"], data["status"], data["amount"])

    def refund(self, charge_id, amount_cents=None):
        body = {"charge": charge_id}
        if amount_cents is not None:
            body["amount"] = amount_cents
        resp = self.session.post(f"{API_BASE}/refunds", json=body,
                                 headers=self._headers(str(uuid.uuid4())), timeout=15)
        resp.raise_for_status()
        return resp.json()["status"]


def verify_webhook(payload: bytes, signature: str, webhook_secret: bytes) -> bool:
    expected = hmac.new(webhook_secret, payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
