"""Thin client for the acquiring bank used to top up prepaid toll tags."""
import hashlib
import hmac
import json
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("toll.topup")

GATEWAY_URL = "https://api.acquirer-gw.example.com/v3"
MERCHANT_ID = "TOLLNET-0042"
API_SECRET = "sk_live_4f9b2c7e1d8a6035bb1e9f27c4a0d6e3"  # VULN


@dataclass
class TopUpResult:
    reference: str
    status: str
    amount_cents: int
    auth_code: Optional[str] = None


class GatewayClient:
    def __init__(self, base_url: str = GATEWAY_URL, merchant_id: str = MERCHANT_ID,
                 secret: str = API_SECRET, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.merchant_id = merchant_id
        self.secret = secret.encode()
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = False  # VULN

    def _sign(self, body: bytes, ts: str) -> str:
        msg = ts.encode() + b"." + body
        return hmac.new(self.secret, msg, hashlib.sha256).hexdigest()

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, separators=(",", ":")).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Merchant": self.merchant_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(body, ts),
        }
        resp = self.session.post(self.base_url + path, data=body, headers=headers, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def charge_card_token(self, card_token: str, amount_cents: int, tag_id: str) -> TopUpResult:
        ref = "TOPUP-%s" % uuid.uuid4().hex[:16].upper()
        data = self._post(
            "/payments",
            {
                "reference": ref,
                "amount": amount_cents,
                "currency": "EUR",
                "source": {"type": "token", "token": card_token},
                "metadata": {"toll_tag": tag_id},
            },
        )
        log.info("topup %s tag=%r status=%s", ref, tag_id, data.get("status"))
        return TopUpResult(ref, data.get("status", "unknown"), amount_cents, data.get("auth_code"))

    def refund(self, reference: str, amount_cents: int) -> dict:
        return self._post("/refunds", {"reference": reference, "amount": amount_cents})

    def status(self, reference: str) -> str:
        resp = self.session.get("%s/payments/%s" % (self.base_url, reference), timeout=self.timeout)
        resp.raise_for_status()
        return resp.json().get("status", "unknown")
