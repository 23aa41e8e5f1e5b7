"""Thin client for the PawShield pet-insurance partner API, used by the
practice-management system to check cover and submit pre-authorisations."""
import logging
from dataclasses import dataclass
from typing import Any, Dict, Optional

import requests
import urllib3

log = logging.getLogger("pawshield")

API_BASE = "https://partners.pawshield-insurance.example/api/v2"
API_KEY = "psk_live_7f3a9c2e41b84d0e9a6b5c1f0d2e8a44"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class PawShieldError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


@dataclass
class CoverCheck:
    policy_number: str
    active: bool
    excess: float
    remaining_limit: float


class PawShieldClient:
    def __init__(self, api_key: str = API_KEY, base_url: str = API_BASE, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "clinic-pms/4.2",
        })
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> Dict[str, Any]:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            try:
                message = resp.json().get("error", resp.reason)
            except ValueError:
                message = resp.reason
            raise PawShieldError(resp.status_code, message)
        return resp.json()

    def check_cover(self, policy_number: str, treatment_code: Optional[str] = None) -> CoverCheck:
        params = {"treatment": treatment_code} if treatment_code else None
        data = self._request("GET", f"policies/{policy_number}/cover", params=params)
        return CoverCheck(
            policy_number=policy_number,
            active=bool(data.get("active")),
            excess=float(data.get("excess", 0)),
            remaining_limit=float(data.get("remaining_limit", 0)),
        )

    def submit_preauth(self, policy_number: str, estimate: float, notes: str) -> str:
        body = {"policy_number": policy_number, "estimate": round(estimate, 2), "notes": notes}
        data = self._request("POST", "preauthorisations", json=body)
        log.info("pre-auth %r submitted for policy %r", data.get("id"), policy_number)
        return data["id"]
