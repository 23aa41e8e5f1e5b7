"""Thin client for the PMS vendor's REST API, used by our revenue jobs.

    client = PMSClient()
    client.login()
    occ = client.occupancy("HBR01", date(2024, 5, 1), date(2024, 5, 31))
"""
import logging
import os
from datetime import date
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("pms.client")

DEFAULT_BASE_URL = "https://api.pms-vendor.example/v2"
API_KEY = os.environ.get("PMS_API_KEY", "")
SERVICE_USER = os.environ.get("PMS_SERVICE_USER", "revenue-bot@harbourhotels")
SERVICE_PASSWORD = os.environ.get("PMS_SERVICE_PASSWORD", "")
CA_BUNDLE = os.environ.get("PMS_CA_BUNDLE") or True


class PMSError(RuntimeError):
    pass


class PMSClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, api_key: str = API_KEY, timeout: float = 15.0):
        if not api_key or not SERVICE_PASSWORD:
            raise PMSError("PMS_API_KEY and PMS_SERVICE_PASSWORD must be set")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})
        self.session.verify = CA_BUNDLE
        self._token: Optional[str] = None

    def login(self) -> None:
        resp = self.session.post(
            f"{self.base_url}/auth/token",
            json={"username": SERVICE_USER, "password": SERVICE_PASSWORD},
            timeout=self.timeout,
        )
        if resp.status_code != 200:
            raise PMSError(f"login failed: HTTP {resp.status_code}")
        self._token = resp.json()["access_token"]
        self.session.headers["Authorization"] = f"Bearer {self._token}"

    def _get(self, path: str, **params: Any) -> Dict[str, Any]:
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if resp.status_code == 401 and self._token:
            self.login()
            resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if not resp.ok:
            raise PMSError(f"GET {path} -> {resp.status_code}")
        return resp.json()

    def occupancy(self, property_code: str, start: date, end: date) -> List[Dict[str, Any]]:
        data = self._get(f"/properties/{property_code}/occupancy", start=start.isoformat(), end=end.isoformat())
        return data.get("days", [])

    def rate_calendar(self, property_code: str, room_type: str, start: date, end: date) -> List[Dict[str, Any]]:
        data = self._get(
            f"/properties/{property_code}/rates",
            roomType=room_type, start=start.isoformat(), end=end.isoformat(),
        )
        return data.get("rates", [])

    def push_rates(self, property_code: str, updates: List[Dict[str, Any]]) -> int:
        resp = self.session.put(
            f"{self.base_url}/properties/{property_code}/rates",
            json={"updates": updates},
            timeout=self.timeout,
        )
        if not resp.ok:
            raise PMSError(f"rate push failed: {resp.status_code}")
        accepted = resp.json().get("accepted", 0)
        log.info("pushed %d/%d rate updates to %s", accepted, len(updates), property_code)
        return accepted
