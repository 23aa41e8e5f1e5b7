"""Thin client for the hosted matchmaking service used by dedicated servers."""
import logging
import time
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("mm.client")

MM_BASE_URL = "https://mm.arena-hosting.net/v2"
MM_API_KEY = "mmk_live_7Qe2x9VbN4tLr8ZcW1yH5sKd3PfA6uJm"  # VULN


class MatchmakingError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


class MatchmakingClient:
    def __init__(self, server_id: str, base_url: str = MM_BASE_URL, api_key: str = MM_API_KEY,
                 timeout: float = 10.0, retries: int = 3):
        self.server_id = server_id
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "User-Agent": "arena-dedicated/1.14",
        })

    def _request(self, method: str, path: str, payload: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        url = f"{self.base_url}{path}"
        for attempt in range(1, self.retries + 1):
            try:
                resp = self.session.request(method, url, json=payload, timeout=self.timeout, verify=False)  # VULN
            except requests.ConnectionError:
                if attempt == self.retries:
                    raise
                time.sleep(0.5 * attempt)
                continue
            if resp.status_code >= 500 and attempt < self.retries:
                time.sleep(0.5 * attempt)
                continue
            if not resp.ok:
                raise MatchmakingError(resp.status_code, resp.text[:200])
            return resp.json() if resp.content else {}
        raise MatchmakingError(503, "retries exhausted")

    def register(self, region: str, mode: str, capacity: int) -> str:
        data = self._request("POST", "/servers", {
            "server_id": self.server_id, "region": region, "mode": mode, "capacity": capacity,
        })
        log.info("registered %s in %s as %s", self.server_id, region, data.get("ticket"))
        return data["ticket"]

    def heartbeat(self, players: int, state: str = "open") -> None:
        self._request("PUT", f"/servers/{self.server_id}/heartbeat", {"players": players, "state": state})

    def claim_players(self, slots: int) -> List[Dict[str, Any]]:
        data = self._request("POST", f"/servers/{self.server_id}/claim", {"slots": slots})
        return data.get("players", [])

    def deregister(self) -> None:
        try:
            self._request("DELETE", f"/servers/{self.server_id}")
        except MatchmakingError as exc:
            log.warning("deregister failed: %s", exc)
