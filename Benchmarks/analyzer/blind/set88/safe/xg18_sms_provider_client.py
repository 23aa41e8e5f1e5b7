"""Thin client for the Telesend SMS REST API used by the notification service."""
import logging
import os
import time
from dataclasses import dataclass
from typing import Iterable, List, Optional

import requests

log = logging.getLogger("telesend")

API_BASE = "https://api.telesend.example.com/v2"
API_KEY = os.environ.get("TELESEND_API_KEY", "")
DEFAULT_SENDER = "EXAMPLE"


class TelesendError(Exception):
    pass


@dataclass
class SmsResult:
    message_id: str
    to: str
    status: str
    parts: int


class TelesendClient:
    def __init__(self, api_key: str = API_KEY, base_url: str = API_BASE, timeout: float = 10.0):
        if not api_key:
            raise TelesendError("TELESEND_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
        })

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, verify=True, **kwargs)
        if resp.status_code == 429:
            raise TelesendError("rate limited")
        if resp.status_code >= 400:
            raise TelesendError(f"{resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def send(self, to: str, text: str, sender: Optional[str] = None) -> SmsResult:
        data = self._request("POST", "/messages", json={
            "to": to,
            "from": sender or DEFAULT_SENDER,
            "text": text,
        })
        return SmsResult(data["id"], to, data["status"], data.get("parts", 1))

    def send_bulk(self, recipients: Iterable[str], text: str, pause: float = 0.05) -> List[SmsResult]:
        results = []
        for number in recipients:
            try:
                results.append(self.send(number, text))
            except TelesendError as exc:
                log.warning("send failed for one recipient: %s", exc)
            time.sleep(pause)
        return results

    def status(self, message_id: str) -> str:
        return self._request("GET", f"/messages/{message_id}")["status"]

    def balance(self) -> float:
        return float(self._request("GET", "/account/balance")["amount"])
