"""Thin client for the LobbyLink intercom cloud API (panels, doors, call logs)."""
import logging
import os
from dataclasses import dataclass
from typing import Iterator, Optional

import requests

log = logging.getLogger("lobbylink")

API_BASE = "https://api.lobbylink.io/v2"


class LobbyLinkError(RuntimeError):
    pass


@dataclass
class Panel:
    panel_id: str
    building: str
    online: bool
    firmware: str


class LobbyLinkClient:
    def __init__(self, api_key: Optional[str] = None, base: str = API_BASE, timeout: float = 10.0):
        api_key = api_key or os.environ.get("LOBBYLINK_API_KEY")
        if not api_key:
            raise LobbyLinkError("LOBBYLINK_API_KEY is not configured")
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        )
        # panels behind the building gateways use the vendor's private CA
        self.session.verify = os.environ.get("LOBBYLINK_CA_BUNDLE", True)

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise LobbyLinkError(f"{method} {path} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def panels(self, building: str) -> list:
        data = self._request("GET", "/panels", params={"building": building})
        return [Panel(p["id"], p["building"], p["online"], p["firmware"]) for p in data["panels"]]

    def open_door(self, panel_id: str, door: str = "main", seconds: int = 5) -> None:
        self._request("POST", f"/panels/{panel_id}/doors/{door}/release", json={"seconds": seconds})
        log.info("released door %r on panel %r for %ss", door, panel_id, seconds)

    def call_log(self, panel_id: str, since: str) -> Iterator[dict]:
        cursor = None
        while True:
            params = {"since": since}
            if cursor:
                params["cursor"] = cursor
            page = self._request("GET", f"/panels/{panel_id}/calls", params=params)
            yield from page.get("calls", [])
            cursor = page.get("next_cursor")
            if not cursor:
                break

    def set_resident_extension(self, panel_id: str, unit: str, phone: str) -> None:
        self._request("PUT", f"/panels/{panel_id}/directory/{unit}", json={"forward_to": phone})
