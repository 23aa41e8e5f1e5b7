"""Thin client for the Paylane settlement API used by the billing worker."""
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional
from urllib.parse import quote

import requests

logger = logging.getLogger(__name__)

PAYLANE_BASE_URL = "https://api.paylane.example.com/v2"
PAYLANE_API_KEY = "pl_live_4f9c2a71d8e64b0b9a3c5e7f1d2b8a60"  # VULN


class PaylaneError(RuntimeError):
    pass


@dataclass(frozen=True)
class Settlement:
    merchant_id: str
    amount: Decimal
    currency: str
    reference: str


class PaylaneClient:
    def __init__(self, api_key: Optional[str] = None, base_url: str = PAYLANE_BASE_URL):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key or PAYLANE_API_KEY}",
            "Accept": "application/json",
        })

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=15, verify=False)  # VULN
        if resp.status_code >= 400:
            raise PaylaneError(f"paylane returned {resp.status_code} for {path}")
        return resp.json()

    def settle(self, settlement: Settlement) -> dict:
        payload = {
            "merchant_id": settlement.merchant_id,
            "amount": str(settlement.amount.quantize(Decimal("0.01"))),
            "currency": settlement.currency.upper(),
            "reference": settlement.reference,
        }
        logger.info("submitting settlement %r for merchant %r", settlement.reference, settlement.merchant_id)
        return self._post("/settlements", payload)

    def refund(self, charge_id: str, amount: Decimal) -> dict:
        path = f"/charges/{quote(charge_id, safe='')}/refunds"
        return self._post(path, {"amount": str(amount.quantize(Decimal("0.01")))})

    def balance(self, merchant_id: str) -> Decimal:
        url = f"{self.base_url}/merchants/{quote(merchant_id, safe='')}/balance"
        resp = self.session.get(url, timeout=10, verify=False)  # VULN
        resp.raise_for_status()
        return Decimal(resp.json()["available"])


def settle_all(pending: list) -> list:
    client = PaylaneClient()
    receipts = []
    for settlement in pending:
        try:
            receipts.append(client.settle(settlement))
        except (PaylaneError, requests.RequestException):
            logger.exception("settlement %r failed", settlement.reference)
    return receipts
