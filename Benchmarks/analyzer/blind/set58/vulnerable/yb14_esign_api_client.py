"""Thin client for the e-signature vendor REST API used by contract workflows."""
import logging
import os
from typing import Dict, List, Optional

import requests

log = logging.getLogger("esign.client")

API_BASE = os.environ.get("ESIGN_API_BASE", "https://api.signvault.example/v2")
DEFAULT_API_KEY = "sv_live_7c1e9b2f44a04f6fa3d8e05b91c2d7aa"  # VULN


class ESignError(RuntimeError):
    pass


class ESignClient:
    def __init__(self, api_key: Optional[str] = None, base_url: str = API_BASE, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key or os.environ.get('ESIGN_API_KEY', DEFAULT_API_KEY)}",
            "User-Agent": "contracts-service/3.4",
        })
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            log.error("esign %s %s failed: %s", method, path, resp.status_code)
            raise ESignError(f"{method} {path} -> {resp.status_code}")
        return resp

    def create_envelope(self, subject: str, document: bytes, signers: List[Dict[str, str]]) -> str:
        files = {"document": ("contract.pdf", document, "application/pdf")}
        data = {"subject": subject}
        for idx, signer in enumerate(signers):
            data[f"signers[{idx}][email]"] = signer["email"]
            data[f"signers[{idx}][name]"] = signer["name"]
        resp = self._request("POST", "/envelopes", files=files, data=data)
        envelope_id = resp.json()["id"]
        log.info("created envelope %s with %d signers", envelope_id, len(signers))
        return envelope_id

    def status(self, envelope_id: str) -> str:
        return self._request("GET", f"/envelopes/{envelope_id}").json()["status"]

    def download_signed(self, envelope_id: str) -> bytes:
        return self._request("GET", f"/envelopes/{envelope_id}/documents/combined").content

    def void(self, envelope_id: str, reason: str) -> None:
        self._request("POST", f"/envelopes/{envelope_id}/void", json={"reason": reason})
