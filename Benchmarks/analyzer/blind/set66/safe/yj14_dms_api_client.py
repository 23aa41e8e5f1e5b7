"""Thin client for the dealer management system (DMS) REST API.

Used by the nightly sync jobs and the sales-desk tools.
"""
import logging
import os
from typing import Any, Dict, Iterator, Optional

import requests

log = logging.getLogger("dms.client")

DMS_BASE_URL = "https://dms.northgate-motors.internal/api/v2"
DMS_API_KEY = os.environ.get("DMS_API_KEY", "")
DMS_CA_BUNDLE = os.environ.get("DMS_CA_BUNDLE")
DEFAULT_TIMEOUT = 15


class DMSError(RuntimeError):
    pass


class DMSClient:
    def __init__(self, base_url: str = DMS_BASE_URL, api_key: str = DMS_API_KEY,
                 timeout: int = DEFAULT_TIMEOUT):
        if not api_key:
            raise DMSError("DMS_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "northgate-dms-sync/2.3",
        })
        self.session.verify = DMS_CA_BUNDLE or True

    def _request(self, method: str, path: str, **kwargs) -> Any:
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise DMSError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else None

    def iter_deals(self, since: str, status: Optional[str] = None) -> Iterator[Dict]:
        page = 1
        while True:
            params = {"updated_since": since, "page": page, "per_page": 200}
            if status:
                params["status"] = status
            data = self._request("GET", "/deals", params=params)
            yield from data["items"]
            if not data.get("next_page"):
                break
            page += 1

    def get_customer(self, customer_id: int) -> Dict:
        return self._request("GET", f"/customers/{int(customer_id)}")

    def push_vehicle(self, vehicle: Dict) -> Dict:
        return self._request("PUT", f"/stock/{vehicle['stock_number']}", json=vehicle)

    def upload_document(self, deal_id: int, name: str, content: bytes) -> Dict:
        files = {"file": (name, content, "application/pdf")}
        return self._request("POST", f"/deals/{int(deal_id)}/documents", files=files)


def notify_finance_partner(webhook_url: str, deal: Dict) -> None:
    resp = requests.post(webhook_url, json={"deal_id": deal["id"], "status": deal["status"]},
                         verify=True, timeout=DEFAULT_TIMEOUT)
    log.info("finance partner notified for deal %s: %s", deal["id"], resp.status_code)
