"""Thin wrapper around the PACER authentication and Case Locator APIs.

Used by the docketing team's nightly jobs to pull new entries for the
firm's watched cases and post a digest to the docketing channel.
"""
import logging
from typing import Dict, List, Optional

import requests

log = logging.getLogger("pacer")

AUTH_URL = "https://pacer.login.uscourts.gov/services/cso-auth"
PCL_BASE = "https://pcl.uscourts.gov/pcl-public-api/rest"

PACER_USERNAME = "hwl-docketing"
PACER_PASSWORD = "Docket!ng-Fa11-2023"  # VULN
DIGEST_WEBHOOK = "https://hooks.slack.com/services/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"  # VULN


class PacerError(RuntimeError):
    pass


class PacerClient:
    def __init__(self, username: str = PACER_USERNAME, password: str = PACER_PASSWORD,
                 client_code: Optional[str] = None):
        self.username = username
        self.password = password
        self.client_code = client_code
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        self._token: Optional[str] = None

    def login(self) -> str:
        body = {"loginId": self.username, "password": self.password}
        if self.client_code:
            body["clientCode"] = self.client_code
        resp = self.session.post(AUTH_URL, json=body, timeout=20)
        resp.raise_for_status()
        data = resp.json()
        if data.get("loginResult") != "0":
            raise PacerError(data.get("errorDescription", "PACER login failed"))
        self._token = data["nextGenCSO"]
        self.session.headers["X-NEXT-GEN-CSO"] = self._token
        return self._token

    def find_cases(self, criteria: Dict) -> List[Dict]:
        if self._token is None:
            self.login()
        resp = self.session.post(f"{PCL_BASE}/cases/find", json=criteria, timeout=30)
        resp.raise_for_status()
        return resp.json().get("content", [])

    def logout(self) -> None:
        if self._token:
            self.session.post(f"{AUTH_URL}/logout", json={"nextGenCSO": self._token}, timeout=10)
            self._token = None


def post_digest(cases: List[Dict]) -> None:
    lines = [f"*{c.get('caseNumberFull')}* {c.get('caseTitle')}" for c in cases[:25]]
    text = "New PACER activity:\n" + "\n".join(lines) if lines else "No new PACER activity."
    requests.post(DIGEST_WEBHOOK, json={"text": text}, timeout=10)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = PacerClient(client_code="DOCKET-NIGHTLY")
    try:
        found = client.find_cases({"courtId": ["cacd", "nysd"], "dateFiledFrom": "2024-01-01"})
        log.info("found %d cases", len(found))
        post_digest(found)
    finally:
        client.logout()
