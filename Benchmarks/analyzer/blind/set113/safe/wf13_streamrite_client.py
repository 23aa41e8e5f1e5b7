"""Thin client for the StreamRite memorial livestream API.

Used by the arrangement system to create a livestream event when a service is
scheduled and to pull viewer counts for the family's keepsake report.
"""
import logging
import os
from dataclasses import dataclass
from typing import List, Optional

import requests

log = logging.getLogger("streamrite")

DEFAULT_API_KEY = os.environ.get("STREAMRITE_API_KEY", "")
BASE_URL = "https://api.streamrite.example/v2"


class StreamRiteError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


@dataclass
class LiveEvent:
    id: str
    title: str
    ingest_url: str
    viewer_url: str
    starts_at: str
    status: str = "scheduled"


class StreamRiteClient:
    def __init__(self, api_key: str = DEFAULT_API_KEY, base_url: str = BASE_URL, timeout: float = 10.0):
        if not api_key:
            raise RuntimeError("STREAMRITE_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "heritage-arrangements/3.4",
        })

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, verify=True, **kwargs)
        if resp.status_code >= 400:
            try:
                message = resp.json().get("error", resp.reason)
            except ValueError:
                message = resp.reason
            raise StreamRiteError(resp.status_code, message)
        return resp.json() if resp.content else {}

    def create_event(self, title: str, starts_at: str, memorial_id: int, private: bool = False) -> LiveEvent:
        body = {
            "title": title,
            "starts_at": starts_at,
            "visibility": "unlisted" if private else "public",
            "metadata": {"memorial_id": memorial_id},
        }
        data = self._request("POST", "/events", json=body)
        log.info("created StreamRite event %s for memorial %d", data["id"], memorial_id)
        return LiveEvent(data["id"], data["title"], data["ingest_url"], data["viewer_url"], data["starts_at"])

    def get_event(self, event_id: str) -> Optional[LiveEvent]:
        try:
            data = self._request("GET", f"/events/{event_id}")
        except StreamRiteError as exc:
            if exc.status == 404:
                return None
            raise
        return LiveEvent(data["id"], data["title"], data["ingest_url"], data["viewer_url"],
                         data["starts_at"], data.get("status", "scheduled"))

    def end_event(self, event_id: str) -> None:
        self._request("POST", f"/events/{event_id}/end")

    def viewer_stats(self, event_id: str) -> List[dict]:
        data = self._request("GET", f"/events/{event_id}/analytics", params={"granularity": "minute"})
        return data.get("points", [])
