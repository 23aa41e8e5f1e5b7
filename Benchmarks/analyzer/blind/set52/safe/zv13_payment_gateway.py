"""Client for the card-acquirer API used to take booking deposits."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass

import requests

log = logging.getLogger("payments")

GATEWAY_URL = "https://api.payfront-acquiring.example.com/v2"
MERCHANT_ID = "TRVL-004417"
GATEWAY_SECRET = os.environ.get("PAYFRONT_SECRET", "")


class PaymentError(RuntimeError):
    pass


@dataclass
class Charge:
    booking_ref: str
    amount_minor: int
    currency: str
    card_token: str


class GatewayClient:
    def __init__(self, base_url=GATEWAY_URL, merchant_id=MERCHANT_ID, secret=GATEWAY_SECRET):
        if not secret:
            raise PaymentError("PAYFRONT_SECRET is not configured")
        self.base_url = base_url.rstrip("/")
        self.merchant_id = merchant_id
        self.secret = secret.encode()
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": "travel-booking/3.4", "Content-Type": "application/json"})

    def _sign(self, body: str, ts: str) -> str:
        msg = f"{ts}.{body}".encode()
        return hmac.new(self.secret, msg, hashlib.sha256).hexdigest()

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, separators=(",", ":"), sort_keys=True)
        ts = str(int(time.time()))
        headers = {
            "X-Merchant": self.merchant_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(body, ts),
            "Idempotency-Key": str(uuid.uuid4()),
        }
        resp = self.session.post(f"{self.base_url}{path}", data=body, headers=headers, timeout=15, verify=True)
        if resp.status_code >= 400:
            raise PaymentError(f"{path} failed with {resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def authorise(self, charge: Charge) -> str:
        data = self._post("/charges", {
            "reference": charge.booking_ref,
            "amount": charge.amount_minor,
            "currency": charge.currency,
            "source": charge.card_token,
            "capture": False,
        })
        log.info("authorised deposit for %r: %r", charge.booking_ref, data.get("id"))
        return data["id"]

    def capture(self, charge_id: str, amount_minor: int) -> dict:
        return self._post(f"/charges/{charge_id}/capture", {"amount": amount_minor})

    def refund(self, charge_id: str, reason: str = "requested_by_customer") -> dict:
        return self._post(f"/charges/{charge_id}/refunds", {"reason": reason})
