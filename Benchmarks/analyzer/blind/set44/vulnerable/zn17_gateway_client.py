"""Thin client for the Northwind Payments REST API (charges, refunds, payouts)."""
from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from typing import Any, Optional

import requests
import urllib3

log = logging.getLogger("northwind.client")

DEFAULT_BASE_URL = "https://api.northwindpay.com/v2"


class GatewayError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code


@dataclass
class ClientConfig:
    api_key: str
    base_url: str = DEFAULT_BASE_URL
    timeout: float = 15.0
    ca_bundle: Optional[str] = None

    @classmethod
    def from_env(cls) -> "ClientConfig":
        return cls(
            api_key=os.environ["NORTHWIND_API_KEY"],
            base_url=os.environ.get("NORTHWIND_BASE_URL", DEFAULT_BASE_URL),
            ca_bundle=os.environ.get("NORTHWIND_CA_BUNDLE"),
        )


class NorthwindClient:
    def __init__(self, config: ClientConfig):
        self.config = config
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {config.api_key}",
            "User-Agent": "shop-backend/4.2 northwind-client",
        })
        # the sandbox and some regional endpoints use certs signed by their own CA
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs: Any) -> dict:
        url = f"{self.config.base_url.rstrip('/')}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.config.timeout, **kwargs)
        if resp.status_code >= 400:
            body = resp.json() if resp.headers.get("content-type", "").startswith("application/json") else {}
            raise GatewayError(resp.status_code, body.get("code", "unknown"), body.get("message", resp.text[:200]))
        return resp.json()

    def create_charge(self, amount_cents: int, currency: str, source_token: str,
                      description: str = "", idempotency_key: Optional[str] = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        payload = {"amount": amount_cents, "currency": currency.lower(),
                   "source": source_token, "description": description[:255]}
        return self._request("POST", "/charges", json=payload, headers=headers)

    def refund(self, charge_id: str, amount_cents: Optional[int] = None) -> dict:
        payload = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount"] = amount_cents
        return self._request("POST", "/refunds", json=payload)

    def get_charge(self, charge_id: str) -> dict:
        return self._request("GET", f"/charges/{charge_id}")

    def download_settlement_report(self, report_id: str, dest: str) -> str:
        url = f"{self.config.base_url}/reports/{report_id}/download"
        with requests.get(url, headers=self.session.headers, stream=True,  # VULN
                          verify=False, timeout=self.config.timeout) as resp:
            resp.raise_for_status()
            with open(dest, "wb") as fh:
                for chunk in resp.iter_content(chunk_size=65536):
                    fh.write(chunk)
        log.info("settlement report %s saved to %s", report_id, dest)
        return dest
