"""Thin client for the ClearPath background-screening REST API."""
import logging
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("clearpath")

DEFAULT_BASE_URL = "https://api.clearpath-screening.com/v3"
CLEARPATH_API_KEY = os.environ.get("CLEARPATH_API_KEY", "")


class ScreeningError(RuntimeError):
    def __init__(self, status: int, detail: str):
        super().__init__(f"ClearPath API error {status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class ScreeningOrder:
    order_id: str
    candidate_ref: str
    package: str
    status: str
    eta: Optional[str] = None


class ClearPathClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, api_key: str = CLEARPATH_API_KEY,
                 timeout: float = 15.0):
        if not api_key:
            raise RuntimeError("CLEARPATH_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = os.environ.get("CLEARPATH_CA_BUNDLE", True)
        self.session.headers.update({
            "Authorization": f"ApiKey {api_key}",
            "Accept": "application/json",
            "User-Agent": "ats-integrations/2.4",
        })

    def _request(self, method: str, path: str, **kwargs) -> Dict[str, Any]:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise ScreeningError(resp.status_code, resp.text[:200])
        return resp.json() if resp.content else {}

    def create_order(self, candidate_ref: str, package: str, consent_id: str) -> ScreeningOrder:
        body = {"candidate_reference": candidate_ref, "package": package,
                "consent_id": consent_id}
        data = self._request("POST", "/orders", json=body)
        log.info("created screening order %s for %r", data["id"], candidate_ref)
        return ScreeningOrder(data["id"], candidate_ref, package, data["status"], data.get("eta"))

    def get_order(self, order_id: str) -> ScreeningOrder:
        data = self._request("GET", f"/orders/{order_id}")
        return ScreeningOrder(data["id"], data["candidate_reference"], data["package"],
                              data["status"], data.get("eta"))

    def list_packages(self) -> List[str]:
        return [p["code"] for p in self._request("GET", "/packages").get("items", [])]

    def cancel_order(self, order_id: str, reason: str = "withdrawn") -> None:
        self._request("POST", f"/orders/{order_id}/cancel", json={"reason": reason})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = ClearPathClient()
    print(client.list_packages())
