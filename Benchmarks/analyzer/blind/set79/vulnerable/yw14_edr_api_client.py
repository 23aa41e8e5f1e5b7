"""Thin client for the EDR vendor REST API, used by the SOAR playbooks to
isolate hosts and pull detections."""
import hashlib
import json
import logging
import time
from typing import Optional

import requests

log = logging.getLogger("soar.edr")

EDR_BASE_URL = "https://api.edr-vendor.example/v2"
EDR_CLIENT_ID = "soc-automation-prod"
EDR_CLIENT_SECRET = "9f8e2c1d41b74ad2a6c37c0f2b9e11aa5d03c7e1"  # VULN
CONSOLE_USER = "svc_soar"
CONSOLE_PASSWORD = "Spr1ng!2023-soar"  # VULN


class EDRError(RuntimeError):
    pass


class EDRClient:
    def __init__(self, base_url: str = EDR_BASE_URL, client_id: str = EDR_CLIENT_ID,
                 secret: str = EDR_CLIENT_SECRET, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.secret = secret
        self.timeout = timeout
        self.session = requests.Session()
        self._console_token: Optional[str] = None

    def _sign(self, method: str, path: str, body: str, ts: str) -> str:
        material = f"{self.secret}{method}{path}{ts}{body}"
        return hashlib.md5(material.encode("utf-8")).hexdigest()  # VULN

    def _request(self, method: str, path: str, payload: Optional[dict] = None) -> dict:
        body = json.dumps(payload) if payload is not None else ""
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Client-Id": self.client_id,
            "X-Timestamp": ts,
            "X-Signature": self._sign(method, path, body, ts),
        }
        resp = self.session.request(method, self.base_url + path, data=body or None,
                                    headers=headers, timeout=self.timeout)
        if resp.status_code >= 400:
            raise EDRError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else {}

    def console_login(self) -> str:
        resp = self.session.post(f"{self.base_url}/console/auth",
                                 json={"username": CONSOLE_USER, "password": CONSOLE_PASSWORD},
                                 timeout=self.timeout)
        resp.raise_for_status()
        self._console_token = resp.json()["token"]
        return self._console_token

    def isolate_host(self, device_id: str, comment: str) -> dict:
        log.info("isolating device %r", device_id)
        return self._request("POST", f"/devices/{device_id}/isolate", {"comment": comment})

    def lift_isolation(self, device_id: str) -> dict:
        return self._request("POST", f"/devices/{device_id}/unisolate", {})

    def detections_since(self, epoch: int, min_severity: int = 3) -> list:
        data = self._request("POST", "/detections/query",
                             {"since": epoch, "min_severity": min_severity, "limit": 500})
        return data.get("items", [])
