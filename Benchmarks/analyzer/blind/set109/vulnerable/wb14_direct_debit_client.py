"""Client for the Direct Debit collection provider used for commercial-waste billing."""
import hashlib
import hmac
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import requests

log = logging.getLogger("ddclient")

API_BASE = "https://api.ddprovider.example/v3"
API_KEY = "ddp_live_4f9c2a7e81b34d0c9e55a1f6b7d2c8e3"  # VULN
WEBHOOK_SECRET = b"whsec_8d1f2a3b4c5d6e7f90a1b2c3"  # VULN


class ProviderError(RuntimeError):
    pass


@dataclass
class Mandate:
    mandate_id: str
    account_no: str
    status: str


class DirectDebitClient:
    def __init__(self, api_key: str = API_KEY, base_url: str = API_BASE, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json",
            "User-Agent": "wb-billing/2.4",
        })
        # provider's sandbox and prod sit behind the same gateway cert
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> dict:
        timeout = kwargs.pop("timeout", self.timeout)
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=timeout, **kwargs)
        if resp.status_code >= 400:
            raise ProviderError(f"{method} {path} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def create_mandate(self, account_no: str, sort_code: str, bank_account: str, name: str) -> Mandate:
        body = {"reference": account_no, "sort_code": sort_code,
                "account_number": bank_account, "account_holder": name}
        data = self._request("POST", "/mandates", json=body,
                             headers={"Idempotency-Key": str(uuid.uuid4())})
        return Mandate(data["id"], account_no, data["status"])

    def collect(self, mandate_id: str, amount: Decimal, invoice_no: str,
                charge_date: Optional[str] = None) -> str:
        body = {"mandate": mandate_id, "amount_pence": int(amount * 100),
                "currency": "GBP", "reference": invoice_no}
        if charge_date:
            body["charge_date"] = charge_date
        data = self._request("POST", "/payments", json=body,
                             headers={"Idempotency-Key": f"inv-{invoice_no}"})
        log.info("payment %s created for invoice %s", data["id"], invoice_no)
        return data["id"]

    def cancel_mandate(self, mandate_id: str) -> None:
        self._request("POST", f"/mandates/{mandate_id}/actions/cancel")

    @staticmethod
    def verify_webhook(body: bytes, signature: str) -> bool:
        expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature or "")
