"""Client for the Paylane card-processing gateway."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Optional

import requests

logger = logging.getLogger("billing.gateway")

GATEWAY_URL = "https://api.paylane-gw.example/v2"
MERCHANT_ID = "mrc_4471"
API_SECRET = os.environ.get("PAYLANE_API_SECRET", "")
CA_BUNDLE = os.environ.get("PAYLANE_CA_BUNDLE") or True


@dataclass
class ChargeRequest:
    amount: Decimal
    currency: str
    card_token: str
    description: str
    idempotency_key: Optional[str] = None

    def payload(self) -> dict:
        data = asdict(self)
        data["amount"] = str(self.amount)
        data["idempotency_key"] = self.idempotency_key or str(uuid.uuid4())
        return data


class GatewayError(RuntimeError):
    def __init__(self, status: int, body: str):
        super().__init__(f"gateway error {status}")
        self.status = status
        self.body = body


class PaylaneClient:
    def __init__(self, base_url: str = GATEWAY_URL, secret: str = API_SECRET, timeout: float = 20.0):
        if not secret:
            raise RuntimeError("PAYLANE_API_SECRET is not configured")
        self.base_url = base_url
        self.secret = secret
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Merchant": MERCHANT_ID, "Content-Type": "application/json"})

    def _sign(self, body: str, timestamp: str) -> str:
        return hmac.new(self.secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, separators=(",", ":"), sort_keys=True)
        ts = str(int(time.time()))
        headers = {"X-Timestamp": ts, "X-Signature": self._sign(body, ts)}
        resp = self.session.post(f"{self.base_url}{path}", data=body, headers=headers, timeout=self.timeout, verify=CA_BUNDLE)
        if resp.status_code >= 400:
            raise GatewayError(resp.status_code, resp.text[:500])
        return resp.json()

    def charge(self, req: ChargeRequest) -> dict:
        result = self._post("/charges", req.payload())
        logger.info("charge %s status=%s", result.get("id"), result.get("status"))
        return result

    def refund(self, charge_id: str, amount: Optional[Decimal] = None) -> dict:
        payload = {"charge_id": charge_id}
        if amount is not None:
            payload["amount"] = str(amount)
        return self._post("/refunds", payload)


class BillingService:
    def __init__(self, client: PaylaneClient, ledger):
        self.client = client
        self.ledger = ledger

    def settle_invoice(self, invoice) -> str:
        req = ChargeRequest(invoice.total, invoice.currency, invoice.card_token,
                            f"Invoice {invoice.number}", idempotency_key=f"inv-{invoice.id}")
        result = self.client.charge(req)
        self.ledger.record_payment(invoice.id, result["id"], invoice.total)
        return result["id"]
