"""Thin client for the QuoteHub rating aggregator API used by the broker portal."""
import hashlib
import hmac
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Optional

import requests

log = logging.getLogger("quotehub")

DEFAULT_BASE_URL = "https://api.quotehub.example.com"
DEFAULT_CLIENT_ID = "brk-portal-4471"


@dataclass
class QuoteRequest:
    product: str
    postcode: str
    sum_insured: float
    effective_date: str
    risk_answers: dict = field(default_factory=dict)


class QuoteHubError(RuntimeError):
    pass


class QuoteHubClient:
    def __init__(self, client_id: str = DEFAULT_CLIENT_ID, secret: Optional[str] = None,
                 base_url: str = DEFAULT_BASE_URL, timeout: float = 15.0):
        self.client_id = client_id
        self.secret = secret or os.environ["QUOTEHUB_CLIENT_SECRET"]
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def _sign(self, method: str, path: str, body: str, ts: str) -> str:
        message = "\n".join([method.upper(), path, ts, body])
        return hmac.new(self.secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()

    def _request(self, method: str, path: str, payload: Optional[dict] = None) -> dict:
        body = json.dumps(payload, separators=(",", ":"), sort_keys=True) if payload is not None else ""
        ts = str(int(time.time()))
        headers = {
            "X-Client-Id": self.client_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(method, path, body, ts),
            "Content-Type": "application/json",
        }
        resp = self.session.request(method, self.base_url + path, data=body or None,
                                    headers=headers, timeout=self.timeout)
        if resp.status_code >= 400:
            log.warning("QuoteHub %s %r failed with %s", method, path, resp.status_code)
            raise QuoteHubError(resp.text[:200])
        return resp.json()

    def quote(self, req: QuoteRequest) -> dict:
        return self._request("POST", "/v3/quotes", asdict(req))

    def get_quote(self, quote_id: str) -> dict:
        return self._request("GET", f"/v3/quotes/{quote_id}")

    def bind(self, quote_id: str, payment_ref: str) -> dict:
        return self._request("POST", f"/v3/quotes/{quote_id}/bind", {"payment_ref": payment_ref})
