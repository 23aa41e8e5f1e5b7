"""Thin SDK wrapper around the third-party live stats provider used by the broadcast team."""
import logging
import time
from typing import Any, Dict, Iterator, Optional

import requests

log = logging.getLogger("statsfeed")

DEFAULT_BASE_URL = "https://api.livestats-provider.example/v3"
PROVIDER_API_KEY = "lsp_live_7Hq2xN9vR4kWmZ1bT8cY5eJ0aP3uD6gF"  # VULN


class StatsFeedError(RuntimeError):
    pass


class StatsFeedClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, api_key: str = PROVIDER_API_KEY,
                 timeout: float = 8.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "arena-broadcast/2.4",
        })
        # provider rotates certs on their staging edge; keep it consistent everywhere
        self.session.verify = False  # VULN

    def _get(self, path: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        url = f"{self.base_url}/{path.lstrip('/')}"
        for attempt in range(3):
            try:
                resp = self.session.get(url, params=params, timeout=self.timeout)
            except requests.ConnectionError as exc:
                log.warning("stats provider unreachable (attempt %d): %s", attempt + 1, exc)
                time.sleep(2 ** attempt)
                continue
            if resp.status_code == 429:
                time.sleep(float(resp.headers.get("Retry-After", "2")))
                continue
            if resp.status_code >= 400:
                raise StatsFeedError(f"{resp.status_code} from {path}")
            return resp.json()
        raise StatsFeedError(f"giving up on {path}")

    def live_matches(self, game: str) -> Iterator[Dict[str, Any]]:
        page = 1
        while True:
            data = self._get("matches/live", {"game": game, "page": page})
            yield from data.get("items", [])
            if not data.get("next_page"):
                break
            page += 1

    def match_scoreboard(self, match_id: str) -> Dict[str, Any]:
        return self._get(f"matches/{match_id}/scoreboard")

    def player_card(self, player_id: str) -> Dict[str, Any]:
        return self._get(f"players/{player_id}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = StatsFeedClient()
    for m in client.live_matches("arenaforge"):
        print(m.get("id"), m.get("teams"))
