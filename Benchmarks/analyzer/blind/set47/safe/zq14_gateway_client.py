"""Thin client for the Northwind payments gateway REST API."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from typing import Any, Dict, Optional

import requests

log = logging.getLogger("northwind.gateway")

API_BASE = "https://api.northwind-pay.example/v2"
MERCHANT_ID = "NW-004512"
SIGNING_SECRET = os.environ.get("NORTHWIND_SIGNING_SECRET", "")


class GatewayError(Exception):
    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"gateway error {status}")
        self.status = status
        self.body = body


class GatewayClient:
    def __init__(self, base_url: str = API_BASE, merchant_id: str = MERCHANT_ID,
                 secret: str = SIGNING_SECRET, timeout: float = 15.0) -> None:
        if not secret:
            raise RuntimeError("NORTHWIND_SIGNING_SECRET is not configured")
        self.base_url = base_url.rstrip("/")
        self.merchant_id = merchant_id
        self.secret = secret.encode()
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "nw-gateway-py/1.4"

    def _sign(self, method: str, path: str, ts: str, body: str) -> str:
        msg = "\n".join([method, path, ts, body]).encode()
        return hmac.new(self.secret, msg, hashlib.sha256).hexdigest()

    def _request(self, method: str, path: str, payload: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        body = json.dumps(payload, separators=(",", ":")) if payload is not None else ""
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Merchant-Id": self.merchant_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(method, path, ts, body),
            "Idempotency-Key": str(uuid.uuid4()),
        }
        resp = self.session.request(method, self.base_url + path, data=body or None, headers=headers, timeout=self.timeout, verify=True)
        if resp.status_code >= 400:
            log.warning("gateway %s %s -> %s", method, path, resp.status_code)
            raise GatewayError(resp.status_code, resp.text)
        return resp.json()

    def authorize(self, amount_minor: int, currency: str, card_token: str, reference: str) -> Dict[str, Any]:
        return self._request("POST", "/payments", {
            "amount": amount_minor,
            "currency": currency,
            "source": {"type": "token", "token": card_token},
            "reference": reference,
            "capture": False,
        })

    def capture(self, payment_id: str, amount_minor: Optional[int] = None) -> Dict[str, Any]:
        payload = {"amount": amount_minor} if amount_minor is not None else {}
        return self._request("POST", f"/payments/{payment_id}/captures", payload)

    def refund(self, payment_id: str, amount_minor: int, reason: str = "requested_by_customer") -> Dict[str, Any]:
        return self._request("POST", f"/payments/{payment_id}/refunds", {"amount": amount_minor, "reason": reason})

    def get_payment(self, payment_id: str) -> Dict[str, Any]:
        return self._request("GET", f"/payments/{payment_id}")
