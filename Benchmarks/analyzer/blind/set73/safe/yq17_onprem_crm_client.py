"""Client for the on-prem CRM REST API used by the support sync jobs."""
import logging
import os
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("crm.client")
CA_BUNDLE = os.environ.get("CRM_CA_BUNDLE")


class CrmError(RuntimeError):
    pass


class CrmClient:
    def __init__(self, base_url: str, client_id: str, client_secret: str, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = CA_BUNDLE or True
        self._token: Optional[str] = None

    def _fetch_token(self) -> str:
        resp = requests.post(
            f"{self.base_url}/oauth2/token",
            data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            },
            timeout=self.timeout,
            verify=self.session.verify,
        )
        if resp.status_code != 200:
            raise CrmError(f"token request failed: {resp.status_code}")
        return resp.json()["access_token"]

    def _request(self, method: str, path: str, **kwargs) -> Any:
        if self._token is None:
            self._token = self._fetch_token()
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        resp = self.session.request(method, f"{self.base_url}{path}", headers=headers,
                                    timeout=self.timeout, **kwargs)
        if resp.status_code == 401:
            self._token = None
            return self._request(method, path, **kwargs)
        if resp.status_code >= 400:
            raise CrmError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else None

    def get_contact(self, contact_id: str) -> Dict[str, Any]:
        return self._request("GET", f"/api/v2/contacts/{contact_id}")

    def search_accounts(self, name: str, limit: int = 25) -> List[Dict[str, Any]]:
        return self._request("GET", "/api/v2/accounts", params={"q": name, "limit": limit})["items"]

    def update_case(self, case_id: str, **fields) -> None:
        self._request("PATCH", f"/api/v2/cases/{case_id}", json=fields)


def from_env() -> CrmClient:
    return CrmClient(
        os.environ["CRM_BASE_URL"],
        os.environ["CRM_CLIENT_ID"],
        os.environ["CRM_CLIENT_SECRET"],
    )
