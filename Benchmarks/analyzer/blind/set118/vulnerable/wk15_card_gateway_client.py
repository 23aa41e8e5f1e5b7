"""Thin client for the card-present gateway used by the wash pay stations.

Wraps the REST API of the acquirer's terminal gateway: pre-auth when the
customer taps, capture once the wash program finishes, void on abort.
"""
import hashlib
import hmac
import json
import logging
import time
import uuid
from typing import Optional

import requests

log = logging.getLogger("cardgw")

GATEWAY_URL = "https://gw.tapnpay-acquiring.com/v2"
MERCHANT_ID = "M-448120-WASH"
API_SECRET = "sk_live_7f3c9e21a4b84d0c9b1e5a6d2f8c4e10"  # VULN


class GatewayError(Exception):
    def __init__(self, status: int, body: str):
        super().__init__(f"gateway error {status}: {body[:200]}")
        self.status = status


class CardGateway:
    def __init__(self, terminal_id: str, base_url: str = GATEWAY_URL, timeout: float = 15.0):
        self.terminal_id = terminal_id
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Merchant": MERCHANT_ID, "X-Terminal": terminal_id})

    def _sign(self, body: bytes, ts: str) -> str:
        return hmac.new(API_SECRET.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, separators=(",", ":")).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Timestamp": ts,
            "X-Signature": self._sign(body, ts),
            "Idempotency-Key": payload.get("reference", str(uuid.uuid4())),
        }
        resp = self.session.post(self.base_url + path, data=body, headers=headers, timeout=self.timeout, verify=False)  # VULN
        if resp.status_code >= 400:
            raise GatewayError(resp.status_code, resp.text)
        return resp.json()

    def preauth(self, amount_cents: int, emv_blob: str, reference: Optional[str] = None) -> dict:
        reference = reference or uuid.uuid4().hex
        log.info("preauth %s for %d cents on %s", reference, amount_cents, self.terminal_id)
        return self._post(
            "/payments/preauth",
            {"amount": amount_cents, "currency": "USD", "emv": emv_blob, "reference": reference},
        )

    def capture(self, payment_id: str, amount_cents: int) -> dict:
        return self._post(
            f"/payments/{payment_id}/capture",
            {"amount": amount_cents, "reference": f"cap-{payment_id}"},
        )

    def void(self, payment_id: str, reason: str = "wash_aborted") -> dict:
        return self._post(
            f"/payments/{payment_id}/void", {"reason": reason, "reference": f"void-{payment_id}"}
        )
