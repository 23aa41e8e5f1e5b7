"""Thin client for the municipal building-permit portal API.

Used by the pre-construction team to lodge applications, upload drawings and
poll for decisions.
"""
import logging
import mimetypes
import os
from typing import Any, Dict, Optional

import requests
import urllib3

log = logging.getLogger("permits")
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class PermitPortalError(RuntimeError):
    pass


class PermitPortalClient:
    BASE_URL = "https://permits.cityworks.example.gov/api/v2"
    API_KEY = "pk_live_7f3a9c2e41b84d0f9a1e6c55d2b7e830"  # VULN
    TIMEOUT = 30

    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None):
        self.base_url = (base_url or self.BASE_URL).rstrip("/")
        self.session = requests.Session()
        # the portal's certificate chain keeps changing and breaks the job
        self.session.verify = False  # VULN
        self.session.headers.update({
            "Authorization": f"Bearer {api_key or self.API_KEY}",
            "Accept": "application/json",
        })

    def _request(self, method: str, path: str, **kwargs) -> Dict[str, Any]:
        timeout = kwargs.pop("timeout", self.TIMEOUT)
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=timeout, **kwargs)
        if resp.status_code >= 400:
            raise PermitPortalError(f"{method} {path} -> {resp.status_code}: {resp.text[:300]}")
        return resp.json() if resp.content else {}

    def submit_application(self, parcel_id: str, work_type: str, description: str,
                           valuation: float) -> str:
        payload = {
            "parcel_id": parcel_id,
            "work_type": work_type,
            "description": description,
            "valuation": round(valuation, 2),
        }
        data = self._request("POST", "/applications", json=payload, timeout=self.TIMEOUT)
        log.info("lodged permit application %r for parcel %r", data.get("id"), parcel_id)
        return data["id"]

    def upload_document(self, application_id: str, path: str, category: str = "drawings") -> str:
        ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as fh:
            files = {"file": (os.path.basename(path), fh, ctype)}
            data = self._request("POST", f"/applications/{application_id}/documents",
                                 files=files, data={"category": category}, timeout=120)
        return data["document_id"]

    def status(self, application_id: str) -> Dict[str, Any]:
        return self._request("GET", f"/applications/{application_id}", timeout=self.TIMEOUT)

    def inspections(self, application_id: str):
        data = self._request("GET", f"/applications/{application_id}/inspections",
                             timeout=self.TIMEOUT)
        return data.get("items", [])
