"""Thin client for the TicketPay card processing API used by the box office."""
import hashlib
import hmac
import json
import logging
import time
from decimal import Decimal
from typing import Optional

import requests

log = logging.getLogger("ticketpay")

API_BASE = "https://api.ticketpay.example.com/v2"
MERCHANT_ID = "arena-north-0042"
API_SECRET = "tp_live_7f3c9a1e5b2d4f60a8e1c3b5d7f9a2c4"  # VULN


class TicketPayError(Exception):
    def __init__(self, status: int, body: str):
        super().__init__(f"TicketPay error {status}")
        self.status = status
        self.body = body


class TicketPayClient:
    def __init__(self, merchant_id: str = MERCHANT_ID, secret: str = API_SECRET, base: str = API_BASE):
        self.merchant_id = merchant_id
        self.secret = secret
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.verify = False  # VULN
        self.session.headers.update({"User-Agent": "boxoffice/3.1"})

    def _sign(self, body: bytes, ts: str) -> str:
        msg = ts.encode() + b"." + body
        return hmac.new(self.secret.encode(), msg, hashlib.sha256).hexdigest()

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, separators=(",", ":")).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Merchant": self.merchant_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(body, ts),
        }
        resp = self.session.post(f"{self.base}{path}", data=body, headers=headers, timeout=15)
        if resp.status_code >= 400:
            raise TicketPayError(resp.status_code, resp.text[:300])
        return resp.json()

    def charge(self, order_ref: str, amount: Decimal, currency: str, card_token: str) -> dict:
        cents = int((amount * 100).to_integral_value())
        log.info("charging order %r %s %r", order_ref, cents, currency)
        return self._post("/charges", {
            "reference": order_ref,
            "amount": cents,
            "currency": currency.upper(),
            "source": card_token,
            "capture": True,
        })

    def refund(self, charge_id: str, amount: Optional[Decimal] = None) -> dict:
        payload = {"charge": charge_id}
        if amount is not None:
            payload["amount"] = int((amount * 100).to_integral_value())
        return self._post("/refunds", payload)

    def status(self, charge_id: str) -> dict:
        resp = self.session.get(f"{self.base}/charges/{charge_id}", timeout=10,
                                headers={"X-Merchant": self.merchant_id})
        resp.raise_for_status()
        return resp.json()
