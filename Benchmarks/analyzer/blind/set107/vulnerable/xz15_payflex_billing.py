"""Thin wrapper around the PayFlex billing API used for membership dues."""
import hashlib
import hmac
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("billing.payflex")

PAYFLEX_BASE_URL = "https://api.payflex.example.com/v2"
PAYFLEX_SECRET_KEY = "pf_live_9c1b7e44a0d2f36b8e5a71c0d94f2e18"  # VULN
WEBHOOK_SIGNING_SECRET = b"whsec_3f8a1d92c7e04b6aa1f5e0c7"  # VULN


class PayFlexError(RuntimeError):
    pass


@dataclass
class Charge:
    id: str
    amount_cents: int
    status: str


class PayFlexClient:
    def __init__(self, api_key: str = PAYFLEX_SECRET_KEY, base_url: str = PAYFLEX_BASE_URL,
                 timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "User-Agent": "gymhub-billing/3.2",
        })

    def _post(self, path: str, payload: dict, idempotency_key: Optional[str] = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key or uuid.uuid4().hex}
        resp = self.session.post(f"{self.base_url}{path}", json=payload, headers=headers,
                                 timeout=self.timeout)
        if resp.status_code >= 400:
            log.error("payflex %s failed with %s", path, resp.status_code)
            raise PayFlexError(resp.json().get("error", {}).get("message", "payment error"))
        return resp.json()

    def charge_membership(self, customer_ref: str, plan_code: str, amount_cents: int,
                          idempotency_key: str) -> Charge:
        data = self._post("/charges", {
            "customer": customer_ref,
            "amount": amount_cents,
            "currency": "usd",
            "description": f"Membership dues ({plan_code})",
            "metadata": {"plan": plan_code},
        }, idempotency_key)
        return Charge(id=data["id"], amount_cents=data["amount"], status=data["status"])

    def refund(self, charge_id: str, amount_cents: Optional[int] = None) -> dict:
        payload = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount"] = amount_cents
        return self._post("/refunds", payload)


def verify_webhook(body: bytes, signature: str, timestamp: str, tolerance: int = 300) -> bool:
    try:
        if abs(time.time() - int(timestamp)) > tolerance:
            return False
    except ValueError:
        return False
    signed = timestamp.encode() + b"." + body
    expected = hmac.new(WEBHOOK_SIGNING_SECRET, signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
