"""Thin client for the payment provider's REST API."""
import logging
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal

import requests

log = logging.getLogger("billing.payments")

API_BASE = "https://api.paylane-gateway.com/v2"
API_SECRET_KEY_ENV = "PAYMENT_API_SECRET_KEY"
DEFAULT_TIMEOUT = 15


class PaymentError(Exception):
    pass


@dataclass
class Charge:
    charge_id: str
    status: str
    amount: Decimal
    currency: str


class PaymentClient:
    def __init__(self, api_key: str | None = None, base_url: str = API_BASE):
        if api_key is None:
            api_key = os.environ[API_SECRET_KEY_ENV]
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})

    def _post(self, path: str, body: dict, idempotency_key: str) -> dict:
        resp = self.session.post(
            f"{self.base_url}{path}",
            json=body,
            headers={"Idempotency-Key": idempotency_key},
            timeout=DEFAULT_TIMEOUT,
        )
        if resp.status_code >= 400:
            log.error("payment API returned %d for %r", resp.status_code, path)
            raise PaymentError(resp.json().get("error", {}).get("message", "payment failed"))
        return resp.json()

    def charge(self, customer_id: str, amount: Decimal, currency: str = "EUR") -> Charge:
        minor_units = int((amount * 100).quantize(Decimal("1")))
        data = self._post(
            "/charges",
            {"customer": customer_id, "amount": minor_units, "currency": currency},
            idempotency_key=str(uuid.uuid4()),
        )
        return Charge(data["id"], data["status"], Decimal(data["amount"]) / 100, data["currency"])

    def refund(self, charge_id: str, reason: str = "requested_by_customer") -> dict:
        return self._post(f"/charges/{charge_id}/refunds", {"reason": reason}, idempotency_key=str(uuid.uuid4()))
