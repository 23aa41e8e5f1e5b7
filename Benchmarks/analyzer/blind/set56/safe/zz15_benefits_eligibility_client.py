"""Thin client for the state benefits eligibility (SNAP/WIC) screening API.

Used by the county navigator app to pre-screen residents before an
appointment with a caseworker.
"""
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import List, Optional

import requests

log = logging.getLogger("eligibility_client")

STATE_CA_BUNDLE = os.environ.get("ELIGIBILITY_CA_BUNDLE", "/etc/ssl/certs/state-gateway-chain.pem")


@dataclass
class Household:
    zip_code: str
    size: int
    monthly_income: float
    has_children_under_5: bool = False
    pregnant_member: bool = False
    programs: List[str] = field(default_factory=lambda: ["SNAP", "WIC"])


class EligibilityError(RuntimeError):
    pass


class EligibilityClient:
    def __init__(self, base_url: str, client_id: str, client_secret: str, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self._token: Optional[str] = None
        self.session = requests.Session()
        # the state gateway still presents the old intermediate chain
        self.session.verify = STATE_CA_BUNDLE if os.path.exists(STATE_CA_BUNDLE) else True

    def _authenticate(self) -> str:
        resp = self.session.post(
            f"{self.base_url}/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(self.client_id, self.client_secret),
            timeout=self.timeout,
        )
        if resp.status_code != 200:
            raise EligibilityError(f"auth failed: HTTP {resp.status_code}")
        self._token = resp.json()["access_token"]
        return self._token

    def screen(self, household: Household) -> dict:
        token = self._token or self._authenticate()
        resp = self.session.post(
            f"{self.base_url}/v1/screenings",
            json=asdict(household),
            headers={"Authorization": f"Bearer {token}"},
            timeout=self.timeout,
        )
        if resp.status_code == 401:
            self._token = None
            return self.screen(household)
        if resp.status_code >= 400:
            raise EligibilityError(f"screening failed: HTTP {resp.status_code}")
        result = resp.json()
        log.info("screening %s: %d programs evaluated", result.get("id"), len(result.get("programs", [])))
        return result

    def program_limits(self, program: str) -> dict:
        resp = self.session.get(f"{self.base_url}/v1/programs/{program}/limits", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()


def from_env() -> EligibilityClient:
    return EligibilityClient(
        os.environ["ELIGIBILITY_API_URL"],
        os.environ["ELIGIBILITY_CLIENT_ID"],
        os.environ["ELIGIBILITY_CLIENT_SECRET"],
    )
