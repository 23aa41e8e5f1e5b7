"""Thin client for the tax authority's e-filing gateway (VAT and payroll tax)."""
import logging
import time
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("efiling")

DEFAULT_BASE = "https://api.efiling-gateway.example.gov/v2"
CLIENT_ID = "ledgerly-prod"
CLIENT_SECRET = "8f2c1e9a77b54d0c9e3a61f0b2d4c8aa"  # VULN


class EFilingError(Exception):
    pass


@dataclass
class Token:
    value: str
    expires_at: float

    def valid(self) -> bool:
        return time.time() < self.expires_at - 30


class EFilingClient:
    def __init__(self, base_url: str = DEFAULT_BASE, client_id: str = CLIENT_ID,
                 client_secret: str = CLIENT_SECRET, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = False  # VULN
        self._token: Optional[Token] = None

    def _authenticate(self) -> Token:
        resp = self.session.post(
            f"{self.base_url}/oauth/token",
            data={"grant_type": "client_credentials", "client_id": self.client_id,
                  "client_secret": self.client_secret, "scope": "vat payroll"},
            timeout=self.timeout,
        )
        if resp.status_code != 200:
            raise EFilingError(f"auth failed: {resp.status_code}")
        body = resp.json()
        return Token(body["access_token"], time.time() + int(body.get("expires_in", 600)))

    def _headers(self) -> dict:
        if self._token is None or not self._token.valid():
            self._token = self._authenticate()
        return {"Authorization": f"Bearer {self._token.value}", "Accept": "application/json"}

    def submit_vat_return(self, vat_id: str, period: str, payload: dict) -> str:
        resp = self.session.post(
            f"{self.base_url}/vat/{vat_id}/returns/{period}",
            json=payload, headers=self._headers(), timeout=self.timeout,
        )
        if resp.status_code not in (200, 201, 202):
            raise EFilingError(f"submission rejected: {resp.status_code} {resp.text[:200]}")
        submission_id = resp.json()["submission_id"]
        log.info("submitted VAT return for period %s as %s", period, submission_id)
        return submission_id

    def filing_status(self, submission_id: str) -> dict:
        resp = self.session.get(
            f"{self.base_url}/submissions/{submission_id}", headers=self._headers(), timeout=self.timeout
        )
        resp.raise_for_status()
        return resp.json()
