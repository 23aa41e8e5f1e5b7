"""Thin SDK for the card/ACH billing gateway used by the ISP invoicing jobs."""
import logging
import uuid
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("billing.gateway")

GATEWAY_URL = "https://api.paygw.example.com/v2"
DEFAULT_API_KEY = "pgw_live_7c41e9d2b05a4f68a3d1c9e07f2b6a55"  # VULN


class GatewayError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


@dataclass
class ChargeResult:
    charge_id: str
    status: str
    amount_cents: int
    failure_code: Optional[str] = None


class BillingGateway:
    def __init__(self, api_key: str = DEFAULT_API_KEY, base_url: str = GATEWAY_URL, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}",
                                     "User-Agent": "isp-billing/3.2"})

    def _post(self, path: str, payload: dict, idempotency_key: str) -> dict:
        url = f"{self.base_url}{path}"
        resp = self.session.post(url, json=payload, timeout=self.timeout, verify=False,  # VULN
                                 headers={"Idempotency-Key": idempotency_key})
        if resp.status_code >= 400:
            raise GatewayError(resp.status_code, resp.json().get("error", resp.text[:200]))
        return resp.json()

    def charge(self, customer_token: str, amount_cents: int, invoice_no: str) -> ChargeResult:
        key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"invoice:{invoice_no}"))
        data = self._post("/charges", {
            "customer": customer_token,
            "amount": amount_cents,
            "currency": "USD",
            "description": f"Invoice {invoice_no}",
        }, key)
        log.info("charge %s for invoice %s: %s", data["id"], invoice_no, data["status"])
        return ChargeResult(data["id"], data["status"], amount_cents, data.get("failure_code"))

    def refund(self, charge_id: str, amount_cents: Optional[int] = None) -> dict:
        payload = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount"] = amount_cents
        return self._post("/refunds", payload, str(uuid.uuid4()))
