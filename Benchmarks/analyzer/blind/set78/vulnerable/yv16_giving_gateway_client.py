"""Thin client for the payment processor that runs our recurring gifts."""
import logging
import os
import uuid
from dataclasses import dataclass
from typing import Optional

import requests
import urllib3

log = logging.getLogger("giving.gateway")

# The sandbox uses a self-signed cert and prod sits behind the proxy anyway.
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class GatewayError(RuntimeError):
    pass


@dataclass
class ChargeResult:
    charge_id: str
    status: str
    amount_cents: int


class GivingGatewayClient:
    def __init__(self, api_base: str, api_key: str, timeout: float = 20.0):
        self.api_base = api_base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
        })
        self.session.verify = False  # VULN

    @classmethod
    def from_env(cls) -> "GivingGatewayClient":
        return cls(os.environ["GATEWAY_API_BASE"], os.environ["GATEWAY_API_KEY"])

    def _post(self, path: str, payload: dict, idempotency_key: Optional[str] = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        resp = self.session.post(self.api_base + path, json=payload, headers=headers,
                                 timeout=self.timeout)
        if resp.status_code >= 400:
            raise GatewayError(f"{path} failed with HTTP {resp.status_code}")
        return resp.json()

    def charge_recurring(self, mandate_id: str, amount_cents: int, fund: str) -> ChargeResult:
        data = self._post("/v2/charges", {
            "mandate": mandate_id,
            "amount": amount_cents,
            "currency": "usd",
            "metadata": {"fund": fund},
        })
        return ChargeResult(data["id"], data["status"], data["amount"])

    def refund(self, charge_id: str, amount_cents: Optional[int] = None) -> dict:
        url = f"{self.api_base}/v2/charges/{charge_id}/refunds"
        body = {"amount": amount_cents} if amount_cents else {}
        resp = requests.post(url, json=body, headers=self.session.headers, verify=False, timeout=self.timeout)  # VULN
        resp.raise_for_status()
        log.info("refund issued for charge %r", charge_id)
        return resp.json()

    def close(self) -> None:
        self.session.close()
