"""Thin client for the PrintHub fulfilment API used by the web shop."""
import hashlib
import hmac
import json
import logging
import os
import time
from urllib.parse import quote

import requests

log = logging.getLogger("printhub")

PRINTHUB_BASE_URL = os.environ.get("PRINTHUB_BASE_URL", "https://api.printhub.example/v2")
PRINTHUB_KEY_ID = os.environ.get("PRINTHUB_KEY_ID", "")
PRINTHUB_SECRET = os.environ.get("PRINTHUB_SECRET", "")


class PrintHubError(Exception):
    def __init__(self, status, payload):
        super().__init__(f"PrintHub returned HTTP {status}")
        self.status = status
        self.payload = payload


class PrintHubClient:
    def __init__(self, base_url=PRINTHUB_BASE_URL, key_id=PRINTHUB_KEY_ID,
                 secret=PRINTHUB_SECRET, timeout=20):
        if not secret:
            raise RuntimeError("PRINTHUB_SECRET is not configured")
        self.base_url = base_url.rstrip("/")
        self.key_id = key_id
        self.secret = secret.encode()
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = True
        self.session.headers.update({"Accept": "application/json"})

    def _sign(self, method, path, body):
        ts = str(int(time.time()))
        msg = "\n".join([method, path, ts, hashlib.sha256(body).hexdigest()]).encode()
        signature = hmac.new(self.secret, msg, hashlib.sha256).hexdigest()
        return {"X-PH-Key": self.key_id, "X-PH-Timestamp": ts, "X-PH-Signature": signature}

    def _request(self, method, path, payload=None):
        body = json.dumps(payload, separators=(",", ":")).encode() if payload is not None else b""
        headers = self._sign(method, path, body)
        if payload is not None:
            headers["Content-Type"] = "application/json"
        resp = self.session.request(method, self.base_url + path, data=body or None,
                                    headers=headers, timeout=self.timeout)
        if resp.status_code >= 400:
            try:
                detail = resp.json()
            except ValueError:
                detail = {"raw": resp.text[:500]}
            raise PrintHubError(resp.status_code, detail)
        return resp.json() if resp.content else {}

    def list_products(self):
        return self._request("GET", "/products")["products"]

    def create_order(self, external_ref, items, shipping):
        payload = {"external_reference": external_ref, "items": items, "shipping": shipping}
        order = self._request("POST", "/orders", payload)
        log.info("created PrintHub order %r for %r", order.get("id"), external_ref)
        return order

    def order_status(self, order_id):
        return self._request("GET", f"/orders/{quote(str(order_id), safe='')}")

    def cancel(self, order_id):
        return self._request("POST", f"/orders/{quote(str(order_id), safe='')}/cancel", {})
