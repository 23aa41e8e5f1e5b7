"""Thin client for the Paylane card-processing API."""
import logging
import os
import uuid
from dataclasses import dataclass
from urllib.parse import quote

import requests

log = logging.getLogger("payments")

API_BASE = "https://api.paylane.example.com/v2"
API_KEY_ENV = "PAYLANE_API_KEY"
API_KEY = os.environ.get(API_KEY_ENV, "")
CA_BUNDLE = os.environ.get("PAYLANE_CA_BUNDLE") or True
REQUEST_TIMEOUT = 10


@dataclass
class ChargeResult:
    charge_id: str
    status: str
    amount_cents: int


class PaymentError(Exception):
    def __init__(self, status: int, code: str):
        super().__init__(f"payment API error {status}: {code}")
        self.status = status
        self.code = code


class PaymentClient:
    def __init__(self, api_key: str = API_KEY, base_url: str = API_BASE):
        if not api_key:
            raise RuntimeError(f"{API_KEY_ENV} is not configured")
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(
            f"{self.base_url}{path}",
            json=payload,
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=REQUEST_TIMEOUT,
            verify=CA_BUNDLE,
        )
        if resp.status_code >= 400:
            code = resp.json().get("error", {}).get("code", "unknown")
            log.warning("payment API returned %d (%r) for %s", resp.status_code, code, path)
            raise PaymentError(resp.status_code, code)
        return resp.json()

    def charge(self, amount_cents: int, currency: str, card_token: str, description: str) -> ChargeResult:
        if amount_cents <= 0:
            raise ValueError("amount must be positive")
        data = self._post(
            "/charges",
            {
                "amount": amount_cents,
                "currency": currency.lower(),
                "source": card_token,
                "description": description[:200],
            },
        )
        return ChargeResult(data["id"], data["status"], data["amount"])

    def refund(self, charge_id: str, amount_cents: int | None = None) -> ChargeResult:
        payload = {} if amount_cents is None else {"amount": amount_cents}
        data = self._post(f"/charges/{quote(charge_id, safe='')}/refunds", payload)
        return ChargeResult(data["charge"], data["status"], data["amount"])
