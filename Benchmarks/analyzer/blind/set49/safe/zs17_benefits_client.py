"""Thin client for the benefits administration provider's REST API.

Used by the nightly enrolment sync and by the HR dashboard's
"benefits status" panel.
"""
import logging
import os
from dataclasses import dataclass
from typing import Iterator, List, Optional

import requests

log = logging.getLogger("benefits.client")


@dataclass
class Enrolment:
    employee_id: str
    plan_code: str
    coverage_level: str
    effective_date: str


class BenefitsAPIError(RuntimeError):
    pass


class BenefitsClient:
    def __init__(self, base_url: str, api_key: str, timeout: float = 20.0,
                 ca_bundle: Optional[str] = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "hr-benefits-sync/2.3",
        })
        # Provider's staging and prod endpoints sit behind their own gateway cert.
        self.session.verify = ca_bundle or True

    def _get(self, path: str, **params) -> dict:
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if resp.status_code >= 400:
            raise BenefitsAPIError(f"GET {path} -> {resp.status_code}")
        return resp.json()

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        if resp.status_code >= 400:
            raise BenefitsAPIError(f"POST {path} -> {resp.status_code}")
        return resp.json()

    def iter_enrolments(self, plan_year: int) -> Iterator[Enrolment]:
        cursor: Optional[str] = None
        while True:
            page = self._get("/v1/enrolments", plan_year=plan_year, cursor=cursor)
            for item in page.get("items", []):
                yield Enrolment(item["employeeId"], item["planCode"],
                                item["coverageLevel"], item["effectiveDate"])
            cursor = page.get("nextCursor")
            if not cursor:
                break

    def push_new_hires(self, hires: List[dict]) -> int:
        result = self._post("/v1/eligibility/batch", {"employees": hires})
        log.info("pushed %d new hires, provider accepted %d", len(hires), result.get("accepted", 0))
        return int(result.get("accepted", 0))


def client_from_env() -> BenefitsClient:
    return BenefitsClient(
        base_url=os.environ.get("BENEFITS_API_URL", "https://api.benefits-provider.example.com"),
        api_key=os.environ["BENEFITS_API_KEY"],
        ca_bundle=os.environ.get("BENEFITS_CA_BUNDLE"),
    )
