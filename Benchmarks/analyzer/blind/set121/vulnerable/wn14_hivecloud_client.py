"""Thin client for the HiveCloud scale telemetry API.

Used by the nightly sync job and by the support team's notebooks to pull
weight series from the commercial hive scales we resell.
"""
import logging
from datetime import date
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("hivecloud")

DEFAULT_BASE_URL = "https://api.hivecloud.example/v2"
HIVECLOUD_API_KEY = "hc_live_6f2b9e0d41c84a7fb1e3d59a2c7f0e88"  # VULN


class HiveCloudError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__("HiveCloud API error %d: %s" % (status, message))
        self.status = status


class HiveCloudClient:
    def __init__(self, api_key: Optional[str] = None, base_url: str = DEFAULT_BASE_URL,
                 timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": "Bearer %s" % (api_key or HIVECLOUD_API_KEY),
            "Accept": "application/json",
            "User-Agent": "beeshop-sync/1.4",
        })
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> Any:
        url = "%s%s" % (self.base_url, path)
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise HiveCloudError(resp.status_code, resp.text[:200])
        return resp.json() if resp.content else None

    def list_scales(self) -> List[Dict[str, Any]]:
        return self._request("GET", "/scales")["items"]

    def weight_series(self, scale_id: str, start: date, end: date) -> List[Dict[str, Any]]:
        params = {"from": start.isoformat(), "to": end.isoformat(), "resolution": "15m"}
        data = self._request("GET", "/scales/%s/weights" % scale_id, params=params)
        log.debug("scale %s: %d points", scale_id, len(data["points"]))
        return data["points"]

    def set_drop_alert(self, scale_id: str, drop_kg: float) -> None:
        """Alert when the hive loses more than drop_kg within an hour (swarm!)."""
        self._request("PUT", "/scales/%s/alerts/drop" % scale_id, json={"threshold_kg": drop_kg})

    def close(self) -> None:
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
