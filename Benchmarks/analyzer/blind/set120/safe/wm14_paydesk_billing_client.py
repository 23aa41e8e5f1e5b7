"""Thin client for the PayDesk billing API, used by the monthly plan run
and the day-pass checkout to charge members."""
import logging
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import requests

log = logging.getLogger("billing.paydesk")

PAYDESK_BASE = "https://api.paydesk.io/v2"
PAYDESK_KEY = os.environ.get("PAYDESK_API_KEY", "")
DEFAULT_TIMEOUT = 15


class PayDeskError(RuntimeError):
    def __init__(self, status: int, body: str):
        super().__init__(f"PayDesk error {status}: {body}")
        self.status = status
        self.body = body


@dataclass
class Charge:
    id: str
    customer: str
    amount: Decimal
    currency: str
    status: str

    @classmethod
    def from_api(cls, data: dict) -> "Charge":
        return cls(
            id=data["id"],
            customer=data["customer"],
            amount=Decimal(data["amount"]) / 100,
            currency=data["currency"],
            status=data["status"],
        )


class PayDeskClient:
    def __init__(self, api_key: str = PAYDESK_KEY, base_url: str = PAYDESK_BASE,
                 timeout: float = DEFAULT_TIMEOUT):
        if not api_key:
            raise RuntimeError("PAYDESK_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        # staging uses a private CA; point PAYDESK_CA_BUNDLE at it there
        self.session.verify = os.environ.get("PAYDESK_CA_BUNDLE") or True

    def _request(self, method: str, path: str, **kwargs) -> dict:
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise PayDeskError(resp.status_code, resp.text[:300])
        return resp.json()

    def create_customer(self, member_ref: str, email: str, name: str) -> str:
        data = self._request("POST", "/customers", json={"reference": member_ref, "email": email, "name": name})
        return data["id"]

    def charge(self, customer_id: str, amount: Decimal, currency: str = "EUR",
               description: str = "", idempotency_key: Optional[str] = None) -> Charge:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        payload = {
            "customer": customer_id,
            "amount": int((amount * 100).to_integral_value()),
            "currency": currency,
            "description": description[:140],
        }
        charge = Charge.from_api(self._request("POST", "/charges", json=payload, headers=headers))
        log.info("charged %s %s to %r (%s)", charge.amount, currency, customer_id, charge.id)
        return charge

    def refund(self, charge_id: str, amount: Optional[Decimal] = None) -> dict:
        payload = {"charge": charge_id}
        if amount is not None:
            payload["amount"] = int((amount * 100).to_integral_value())
        return self._request("POST", "/refunds", json=payload)

    def list_charges(self, customer_id: str, limit: int = 20) -> list:
        data = self._request("GET", "/charges", params={"customer": customer_id, "limit": limit})
        return [Charge.from_api(c) for c in data.get("data", [])]
