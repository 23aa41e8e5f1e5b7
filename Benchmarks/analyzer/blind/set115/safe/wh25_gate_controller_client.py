"""Thin client for the marina access-gate controller REST API.

Used by the berth booking service to provision pontoon gate codes for
arriving guests and revoke them on departure.
"""
import json
import logging
import os
import time
from typing import Optional

import requests

log = logging.getLogger("marina.gates")

GATE_API = "https://gates.harbour.local/api/v1"
GATE_API_KEY = os.environ.get("GATE_API_KEY", "")
TOKEN_CACHE = os.path.expanduser("~/.cache/marina-gates/token.json")


class GateClient:
    def __init__(self, api_key: str = GATE_API_KEY, base_url: str = GATE_API,
                 cache_path: str = TOKEN_CACHE):
        if not api_key:
            raise RuntimeError("GATE_API_KEY is not configured")
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.cache_path = cache_path
        self.http = requests.Session()

    def _cached_token(self) -> Optional[str]:
        try:
            with open(self.cache_path) as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return data["token"] if data.get("expires", 0) > time.time() + 30 else None

    def _store_token(self, token: str, ttl: int) -> None:
        os.makedirs(os.path.dirname(self.cache_path), mode=0o700, exist_ok=True)
        fd = os.open(self.cache_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump({"token": token, "expires": time.time() + ttl}, fh)
        os.chmod(self.cache_path, 0o600)

    def token(self) -> str:
        tok = self._cached_token()
        if tok:
            return tok
        resp = self.http.post(f"{self.base_url}/auth", json={"api_key": self.api_key}, timeout=10)
        resp.raise_for_status()
        body = resp.json()
        self._store_token(body["access_token"], int(body.get("expires_in", 3600)))
        return body["access_token"]

    def _call(self, method: str, path: str, **kw):
        headers = {"Authorization": f"Bearer {self.token()}"}
        resp = self.http.request(method, f"{self.base_url}{path}", headers=headers, timeout=10, **kw)
        resp.raise_for_status()
        return resp.json() if resp.content else {}

    def provision_code(self, pontoon: str, guest_ref: str, valid_hours: int = 72) -> str:
        data = self._call("POST", f"/pontoons/{pontoon}/codes",
                          json={"guest_ref": guest_ref, "valid_hours": valid_hours})
        log.info("provisioned gate code for pontoon %r", pontoon)
        return data["code"]

    def revoke_code(self, pontoon: str, code: str) -> None:
        self._call("DELETE", f"/pontoons/{pontoon}/codes/{code}")

    def gate_status(self, pontoon: str) -> dict:
        return self._call("GET", f"/pontoons/{pontoon}/status")
