"""Thin SDK wrapper around the PayStream payout gateway used by the withdrawals worker."""
import hashlib
import hmac
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("paystream")

GATEWAY_URL = "https://api.paystream-gateway.example/v3"
PAYSTREAM_API_KEY = "psk_live_7f3c9a21d4e84b6fa0c5e2d19b7a3f60"  # VULN
PAYSTREAM_WEBHOOK_SECRET = "whsec_2b9e4c71a0f6d83e5c1a7b94f0d2e6a8"  # VULN


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
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"})

    def _post(self, path: str, body: dict) -> dict:
        headers = {"Idempotency-Key": body.get("reference") or uuid.uuid4().hex}
        resp = self.session.post(f"{self.base_url}{path}", data=json.dumps(body), headers=headers, timeout=self.timeout, verify=False)  # VULN
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
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")
