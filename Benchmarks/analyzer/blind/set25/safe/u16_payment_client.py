"""Thin client for the Paystream payments API."""
import hashlib
import hmac
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Optional

import requests

log = logging.getLogger("billing.paystream")

API_BASE = "https://api.paystream.example.com/v2"
API_KEY = os.environ.get("PAYSTREAM_API_KEY", "")
WEBHOOK_SECRET = os.environ.get("PAYSTREAM_WEBHOOK_SECRET", "")


@dataclass
class Charge:
    amount_cents: int
    currency: str
    customer_id: str
    description: str = ""
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)


class PaystreamError(RuntimeError):
    pass


class PaystreamClient:
    def __init__(self, api_key: str = API_KEY, base: str = API_BASE, timeout: float = 15):
        if not api_key:
            raise PaystreamError("PAYSTREAM_API_KEY is not configured")
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
        })

    def _post(self, path: str, payload: dict, headers: Optional[dict] = None):
        resp = self.session.post(f"{self.base}{path}", json=payload, headers=headers or {}, timeout=self.timeout)
        if resp.status_code >= 400:
            log.warning("paystream %s failed with HTTP %d", path, resp.status_code)
            raise PaystreamError(f"HTTP {resp.status_code}")
        return resp.json()

    def create_charge(self, charge: Charge):
        body = asdict(charge)
        key = body.pop("idempotency_key")
        return self._post("/charges", body, {"Idempotency-Key": key})

    def refund(self, charge_id: str, amount_cents: Optional[int] = None):
        payload = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount_cents"] = amount_cents
        return self._post("/refunds", payload)


def verify_webhook(body: bytes, signature: str, timestamp: str,
                   secret: str = WEBHOOK_SECRET, tolerance: int = 300) -> bool:
    if not secret:
        raise PaystreamError("PAYSTREAM_WEBHOOK_SECRET is not configured")
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(time.time() - ts) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")
