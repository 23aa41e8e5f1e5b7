"""Thin client for the card-present payment gateway used by store registers."""
import logging
import os
import uuid
from dataclasses import dataclass
from typing import Any, Dict, Optional

import requests

log = logging.getLogger("payments.gateway")

GATEWAY_URL = "https://api.paygate.example.com/v2"
API_KEY = os.environ.get("PAYGATE_API_KEY", "")
CA_BUNDLE = os.environ.get("PAYGATE_CA_BUNDLE")
DEFAULT_TIMEOUT = 15


class GatewayError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code


@dataclass
class Authorization:
    auth_id: str
    approved: bool
    amount_cents: int
    reason: Optional[str] = None


class GatewayClient:
    def __init__(self, base_url: str = GATEWAY_URL, api_key: str = API_KEY,
                 timeout: int = DEFAULT_TIMEOUT) -> None:
        if not api_key:
            raise RuntimeError("PAYGATE_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "User-Agent": "store-register/4.2",
        })
        self.session.verify = CA_BUNDLE or True

    def _post(self, path: str, payload: Dict[str, Any]) -> Dict[str, Any]:
        resp = self.session.post(
            f"{self.base_url}{path}",
            json=payload,
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=self.timeout,
        )
        if resp.status_code >= 400:
            err = resp.json().get("error", {}) if resp.content else {}
            raise GatewayError(resp.status_code, err.get("code", "unknown"), err.get("message", ""))
        return resp.json()

    def authorize(self, amount_cents: int, currency: str, card_token: str, store_id: str) -> Authorization:
        data = self._post("/authorizations", {
            "amount": amount_cents, "currency": currency,
            "source": card_token, "metadata": {"store_id": store_id},
        })
        log.info("authorization %s approved=%s", data.get("id"), data.get("approved"))
        return Authorization(data["id"], bool(data.get("approved")), amount_cents, data.get("decline_reason"))

    def capture(self, auth_id: str) -> Dict[str, Any]:
        return self._post(f"/authorizations/{auth_id}/capture", {})

    def refund(self, charge_id: str, amount_cents: int) -> Dict[str, Any]:
        return self._post("/refunds", {"charge": charge_id, "amount": amount_cents})
