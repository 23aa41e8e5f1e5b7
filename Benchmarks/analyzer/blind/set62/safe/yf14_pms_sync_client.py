"""Thin client for the property-management-system REST bridge.

Used by the housekeeping app and the night audit jobs to pull room status
and post charges to guest folios.
"""
import logging
import os
from typing import Any, Dict, Iterator, Optional

import requests

log = logging.getLogger("pms.client")

DEFAULT_BASE_URL = "https://pms-bridge.harbourview-hotels.com/api/v2"
DEFAULT_API_KEY = os.environ.get("PMS_API_KEY", "")


class PMSError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


class PMSClient:
    def __init__(self, property_code: str, api_key: str = DEFAULT_API_KEY,
                 base_url: str = DEFAULT_BASE_URL, timeout: float = 15.0):
        if not api_key:
            raise ValueError("PMS API key not configured (set PMS_API_KEY)")
        self.property_code = property_code
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.verify = os.environ.get("PMS_CA_BUNDLE") or True
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"ApiKey {api_key}",
            "X-Property-Code": property_code,
            "Accept": "application/json",
        })

    def _request(self, method: str, path: str, **kwargs) -> Any:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, verify=self.verify, **kwargs)
        if resp.status_code >= 400:
            raise PMSError(resp.status_code, resp.text[:300])
        return resp.json() if resp.content else None

    def rooms(self, status: Optional[str] = None) -> Iterator[Dict]:
        params = {"page": 1, "per_page": 200}
        if status:
            params["status"] = status
        while True:
            page = self._request("GET", "/rooms", params=params)
            yield from page["data"]
            if not page.get("next_page"):
                break
            params["page"] = page["next_page"]

    def set_room_status(self, room: str, status: str, attendant: str) -> Dict:
        return self._request("PATCH", f"/rooms/{room}", json={"status": status, "attendant": attendant})

    def post_charge(self, folio_id: str, code: str, amount_cents: int, memo: str = "") -> Dict:
        payload = {"transaction_code": code, "amount": amount_cents, "memo": memo[:80]}
        log.info("posting %r %d to folio %r", code, amount_cents, folio_id)
        return self._request("POST", f"/folios/{folio_id}/charges", json=payload)

    def in_house(self) -> list:
        return self._request("GET", "/reservations", params={"state": "in_house"})["data"]
