"""SDK wrapper for the PulseBand wearable cloud API.

Pulls heart-rate and sleep data for members who linked their band, and
pushes daily summaries to the coach portal.
"""
import datetime as dt
import logging
import os
from typing import Dict, List, Optional

import requests

log = logging.getLogger("pulseband")

DEFAULT_BASE = "https://api.pulseband.example.com/v1"
COACH_PORTAL_URL = os.environ.get("COACH_PORTAL_URL", "https://coach.gymhub.example.com/api/summaries")
COACH_PORTAL_CA = os.environ.get("COACH_PORTAL_CA")


class PulseBandClient:
    def __init__(self, client_id: str, client_secret: str, base_url: str = DEFAULT_BASE,
                 ca_bundle: Optional[str] = None, timeout: float = 20.0):
        self.client_id = client_id
        self.client_secret = client_secret
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = ca_bundle or True
        self._token: Optional[str] = None

    def _auth(self) -> str:
        if self._token is None:
            resp = self.session.post(f"{self.base_url}/oauth/token", data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            }, timeout=self.timeout)
            resp.raise_for_status()
            self._token = resp.json()["access_token"]
        return self._token

    def _get(self, path: str, **params) -> dict:
        headers = {"Authorization": f"Bearer {self._auth()}"}
        resp = self.session.get(f"{self.base_url}{path}", params=params, headers=headers,
                                timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def heart_rate(self, user_ref: str, day: dt.date) -> List[Dict]:
        return self._get(f"/users/{user_ref}/heartrate", date=day.isoformat())["samples"]

    def sleep(self, user_ref: str, day: dt.date) -> Dict:
        return self._get(f"/users/{user_ref}/sleep", date=day.isoformat())


def daily_summary(client: PulseBandClient, user_ref: str, day: dt.date) -> Dict:
    hr = [s["bpm"] for s in client.heart_rate(user_ref, day)]
    sleep = client.sleep(user_ref, day)
    return {
        "user": user_ref,
        "date": day.isoformat(),
        "resting_hr": min(hr) if hr else None,
        "max_hr": max(hr) if hr else None,
        "sleep_minutes": sleep.get("total_minutes"),
    }


def push_to_coach_portal(summary: Dict, api_token: str) -> None:
    resp = requests.post(COACH_PORTAL_URL, json=summary, timeout=10, verify=COACH_PORTAL_CA or True,
                         headers={"Authorization": f"Token {api_token}"})
    resp.raise_for_status()
    log.info("pushed summary for %r", summary["user"])
