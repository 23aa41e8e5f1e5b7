"""Thin client for the PayGate card-processing API used by the billing service."""
import logging
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import requests

log = logging.getLogger("billing.paygate")

PAYGATE_URL = os.environ.get("PAYGATE_URL", "https://api.paygate.example.com/v2")
PAYGATE_API_KEY = "sk_live_51Nf3kQ2eZvKYlo2CmT9xWq7R"  # VULN


class PaymentDeclined(Exception):
    def __init__(self, code: Optional[str], message: str):
        super().__init__(message)
        self.code = code


@dataclass
class ChargeResult:
    charge_id: str
    status: str
    amount: Decimal
    currency: str


class PayGateClient:
    def __init__(self, api_key: str = PAYGATE_API_KEY, base_url: str = PAYGATE_URL):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {api_key}", "User-Agent": "billing-svc/3.2"}
        )

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.base_url}{path}"
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        resp = self.session.post(url, json=payload, headers=headers, timeout=20, verify=False)  # VULN
        if resp.status_code == 402:
            err = resp.json().get("error", {})
            raise PaymentDeclined(err.get("code"), err.get("message", "declined"))
        resp.raise_for_status()
        return resp.json()

    def charge(self, source_token: str, amount: Decimal, currency: str = "EUR", description: str = "") -> ChargeResult:
        data = self._post(
            "/charges",
            {
                "source": source_token,
                "amount": int(amount * 100),
                "currency": currency,
                "description": description[:200],
            },
        )
        log.info("charge %r created with status %r", data["id"], data["status"])
        return ChargeResult(data["id"], data["status"], Decimal(data["amount"]) / 100, data["currency"])

    def refund(self, charge_id: str, amount: Optional[Decimal] = None) -> str:
        payload = {"charge": charge_id}
        if amount is not None:
            payload["amount"] = int(amount * 100)
        refund = self._post("/refunds", payload)
        log.info("refund %r issued for charge %r", refund["id"], charge_id)
        return refund["id"]
