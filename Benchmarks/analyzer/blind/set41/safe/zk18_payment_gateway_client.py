"""Minimal client for the PayRail payment gateway REST API."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

import requests

log = logging.getLogger("payrail")

DEFAULT_BASE_URL = "https://api.payrail.example.com/v2"
DEFAULT_API_KEY = os.environ.get("PAYRAIL_API_KEY", "")
DEFAULT_API_SECRET = os.environ.get("PAYRAIL_API_SECRET", "")


class PayRailError(Exception):
    def __init__(self, status: int, payload: Dict[str, Any]):
        super().__init__(f"PayRail error {status}: {payload.get('message', 'unknown')}")
        self.status = status
        self.payload = payload


@dataclass
class PayRailClient:
    api_key: str = DEFAULT_API_KEY
    api_secret: str = DEFAULT_API_SECRET
    base_url: str = DEFAULT_BASE_URL
    timeout: float = 15.0
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self):
        if not self.api_key or not self.api_secret:
            raise ValueError("PayRail credentials are not configured")

    def _signature(self, ts: str, body: str) -> str:
        msg = f"{ts}.{body}".encode()
        return hmac.new(self.api_secret.encode(), msg, hashlib.sha256).hexdigest()

    def _request(self, method: str, path: str, payload: Optional[dict] = None) -> Dict[str, Any]:
        body = json.dumps(payload or {}, separators=(",", ":"), sort_keys=True)
        ts = str(int(time.time()))
        headers = {
            "Authorization": f"Bearer {self.api_key}",
            "X-PayRail-Timestamp": ts,
            "X-PayRail-Signature": self._signature(ts, body),
            "Idempotency-Key": str(uuid.uuid4()),
            "Content-Type": "application/json",
        }
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, data=body, headers=headers, timeout=self.timeout, verify=True)
        data = resp.json() if resp.content else {}
        if resp.status_code >= 400:
            log.warning("payrail %s %s -> %d", method, path, resp.status_code)
            raise PayRailError(resp.status_code, data)
        return data

    def create_charge(self, amount_cents: int, currency: str, source_token: str, description: str = "") -> dict:
        return self._request("POST", "/charges", {
            "amount": amount_cents,
            "currency": currency.upper(),
            "source": source_token,
            "description": description,
        })

    def refund(self, charge_id: str, amount_cents: Optional[int] = None) -> dict:
        payload = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount"] = amount_cents
        return self._request("POST", "/refunds", payload)

    def get_charge(self, charge_id: str) -> dict:
        return self._request("GET", f"/charges/{charge_id}")
