"""Thin client for the DentaNet clearinghouse REST API (claims, eligibility)."""
import logging
import os
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("dentanet")

BASE_URL = "https://api.dentanet-clearing.com/v2"
API_KEY = os.environ.get("DENTANET_API_KEY", "")
SUBMITTER_ID = "PRAC-004417"
DEFAULT_TIMEOUT = (5, 30)
CA_BUNDLE = os.environ.get("DENTANET_CA_BUNDLE", True)


class ClearinghouseError(RuntimeError):
    def __init__(self, status: int, detail: str):
        super().__init__(f"clearinghouse error {status}: {detail}")
        self.status = status


@dataclass
class SubmissionResult:
    claim_id: str
    tracking_no: str
    status: str


class DentaNetClient:
    def __init__(self, api_key: str = API_KEY, base_url: str = BASE_URL):
        if not api_key:
            raise RuntimeError("DENTANET_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "X-Submitter-Id": SUBMITTER_ID,
            "Accept": "application/json",
        })

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.post(url, json=payload, verify=CA_BUNDLE, timeout=DEFAULT_TIMEOUT)
        if resp.status_code >= 400:
            raise ClearinghouseError(resp.status_code, resp.text[:500])
        return resp.json()

    def submit_claim(self, claim: dict) -> SubmissionResult:
        data = self._post("/claims", claim)
        log.info("claim %r accepted, tracking %r", claim.get("claim_id"), data.get("tracking_no"))
        return SubmissionResult(claim["claim_id"], data["tracking_no"], data.get("status", "queued"))

    def check_eligibility(self, member_id: str, payer_id: str,
                          service_date: Optional[str] = None) -> dict:
        payload = {"member_id": member_id, "payer_id": payer_id}
        if service_date:
            payload["service_date"] = service_date
        return self._post("/eligibility", payload)

    def claim_status(self, tracking_no: str) -> dict:
        resp = self.session.get(f"{self.base_url}/claims/{tracking_no}",
                                timeout=DEFAULT_TIMEOUT)
        resp.raise_for_status()
        return resp.json()
