"""Thin SDK wrapper around the PayStream payout gateway used by the withdrawals worker."""
import hashlib
import hmac
import json
import logging
import os
import uuid
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("paystream")

GATEWAY_URL = "https://api.paystream-gateway.example/v3"
PAYSTREAM_API_KEY = os.environ.get("PAYSTREAM_API_KEY", "")
PAYSTREAM_WEBHOOK_SECRET = os.environ.get("PAYSTREAM_WEBHOOK_SECRET", "")
PAYSTREAM_CA_BUNDLE = os.environ.get("PAYSTREAM_CA_BUNDLE", True)


class GatewayError(Exception):
    pass


@dataclass
class PayoutResult:
    payout_id: str
    status: str
    fee_cents: int = 0
    failure_reason: Optional[str] = None


class PayStreamClient:
    def __init__(self, api_key: str = PAYSTREAM_API_KEY, base_url: str = GATEWAY_URL, timeout: float = 15.0):
        if not api_key:
            raise GatewayError("PAYSTREAM_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"})

    def _post(self, path: str, body: dict) -> dict:
        headers = {"Idempotency-Key": body.get("reference") or uuid.uuid4().hex}
        resp = self.session.post(f"{self.base_url}{path}", data=json.dumps(body), headers=headers, timeout=self.timeout, verify=PAYSTREAM_CA_BUNDLE)
        if resp.status_code >= 400:
            raise GatewayError(f"{resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def create_payout(self, account_ref: str, amount_cents: int, currency: str, reference: str) -> PayoutResult:
        data = self._post("/payouts", {
            "destination": account_ref,
            "amount": amount_cents,
            "currency": currency,
            "reference": reference,
        })
        return PayoutResult(data["id"], data["status"], data.get("fee", 0), data.get("failure_reason"))

    def get_payout(self, payout_id: str) -> PayoutResult:
        resp = self.session.get(f"{self.base_url}/payouts/{payout_id}", timeout=self.timeout)
        resp.raise_for_status()
        data = resp.json()
        return PayoutResult(data["id"], data["status"], data.get("fee", 0), data.get("failure_reason"))


def verify_webhook(raw_body: bytes, signature: str, secret: str = PAYSTREAM_WEBHOOK_SECRET) -> bool:
    if not secret:
        return False
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")
