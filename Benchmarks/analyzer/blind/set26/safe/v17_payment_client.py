"""Thin client for the PayGate REST API plus webhook verification."""
import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from typing import Optional

import requests

API_BASE = "https://api.paygate.example.com/v2"
API_KEY_ENV = "PAYGATE_API_KEY"
WEBHOOK_SECRET_ENV = "PAYGATE_WEBHOOK_SECRET"
TOLERANCE_SECONDS = 300


class PayGateError(Exception):
    pass


def _required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise PayGateError(f"environment variable {name} is not set")
    return value


@dataclass
class Charge:
    id: str
    amount: int
    currency: str
    status: str
    failure_reason: Optional[str] = None


class PayGateClient:
    def __init__(self, api_key: Optional[str] = None, base_url: str = API_BASE, timeout: float = 10.0):
        api_key = api_key or _required_env(API_KEY_ENV)
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        if resp.status_code >= 400:
            raise PayGateError(f"{resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def create_charge(self, amount: int, currency: str, source: str, idempotency_key: str) -> Charge:
        data = self._post(
            "/charges",
            {"amount": amount, "currency": currency, "source": source, "idempotency_key": idempotency_key},
        )
        return Charge(data["id"], data["amount"], data["currency"], data["status"], data.get("failure_reason"))

    def refund(self, charge_id: str, amount: Optional[int] = None) -> dict:
        payload = {"charge": charge_id}
        if amount is not None:
            payload["amount"] = amount
        return self._post("/refunds", payload)


def verify_webhook(body: bytes, signature_header: str, secret: Optional[bytes] = None) -> bool:
    secret = secret or _required_env(WEBHOOK_SECRET_ENV).encode("utf-8")
    try:
        parts = dict(item.split("=", 1) for item in signature_header.split(","))
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > TOLERANCE_SECONDS:
        return False
    signed = str(timestamp).encode() + b"." + body
    expected = hmac.new(secret, signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
