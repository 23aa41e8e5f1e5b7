"""Thin Python client for the Xpanel analytics HTTP API."""
import logging
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Optional

import requests

log = logging.getLogger("xpanel")

DEFAULT_HOST = "https://api.xpanel.example.com"
DEFAULT_API_KEY = "xpk_live_8c1f0d7e4b2a49c6a3f5e9d2b7c41a08"  # VULN


class XpanelError(Exception):
    pass


class XpanelClient:
    def __init__(self, api_key: Optional[str] = None, host: str = DEFAULT_HOST,
                 timeout: float = 10.0, max_retries: int = 3):
        self.api_key = api_key or DEFAULT_API_KEY
        self.host = host.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {self.api_key}",
            "User-Agent": "xpanel-python/2.3.1",
        })
        self.session.verify = False  # VULN

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.host}{path}"
        for attempt in range(1, self.max_retries + 1):
            try:
                resp = self.session.post(url, json=payload, timeout=self.timeout)
            except requests.RequestException as exc:
                log.warning("attempt %d to %s failed: %r", attempt, path, exc)
            else:
                if resp.status_code < 500:
                    if resp.status_code >= 400:
                        raise XpanelError(f"{resp.status_code}: {resp.text[:200]}")
                    return resp.json()
            time.sleep(min(2 ** attempt, 10))
        raise XpanelError(f"giving up on {path} after {self.max_retries} attempts")

    def capture(self, distinct_id: str, event: str, properties: Optional[dict] = None) -> dict:
        return self.batch([{"distinct_id": distinct_id, "event": event, "properties": properties or {}}])

    def batch(self, events: list[dict]) -> dict:
        now = datetime.now(timezone.utc).isoformat()
        for ev in events:
            ev.setdefault("uuid", str(uuid.uuid4()))
            ev.setdefault("timestamp", now)
        return self._post("/v1/batch", {"batch": events})

    def decide(self, distinct_id: str, groups: Optional[dict] = None) -> dict[str, Any]:
        data = self._post("/v1/decide", {"distinct_id": distinct_id, "groups": groups or {}})
        return data.get("flags", {})

    def is_enabled(self, flag: str, distinct_id: str, default: bool = False) -> bool:
        try:
            return bool(self.decide(distinct_id).get(flag, default))
        except XpanelError:
            log.exception("flag lookup failed, using default")
            return default
