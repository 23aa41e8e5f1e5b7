"""Thin wrapper around the plant historian REST API (PI Web API style).

Used by the reporting jobs and the dashboard backend to pull recorded
values for reservoir levels, pump flows and chlorine residuals.
"""
import logging
from dataclasses import dataclass
from typing import Dict, List, Optional

import requests
from requests.auth import HTTPBasicAuth

log = logging.getLogger("historian")


@dataclass
class HistorianConfig:
    base_url: str = "https://historian.plant.local/piwebapi"
    username: str = "svc_dashboard"
    password: str = "Hist0rian!2021"  # VULN
    data_server: str = "PLANT-PI01"
    timeout: float = 15.0


class HistorianError(RuntimeError):
    pass


class HistorianClient:
    def __init__(self, config: Optional[HistorianConfig] = None):
        self.config = config or HistorianConfig()
        self.session = requests.Session()
        self.session.auth = HTTPBasicAuth(self.config.username, self.config.password)
        self.session.headers.update({"Accept": "application/json", "X-Requested-With": "wd-dashboard"})
        self._point_cache: Dict[str, str] = {}

    def _get(self, path: str, **params) -> dict:
        url = f"{self.config.base_url}/{path.lstrip('/')}"
        try:
            resp = self.session.get(url, params=params, timeout=self.config.timeout, verify=False)  # VULN
            resp.raise_for_status()
        except requests.RequestException as exc:
            raise HistorianError(f"historian request failed: {exc}") from exc
        return resp.json()

    def find_point(self, tag: str) -> str:
        if tag not in self._point_cache:
            data = self._get("points", path=f"\\\\{self.config.data_server}\\{tag}")
            self._point_cache[tag] = data["WebId"]
        return self._point_cache[tag]

    def current_value(self, tag: str) -> dict:
        web_id = self.find_point(tag)
        item = self._get(f"streams/{web_id}/value")
        return {"tag": tag, "value": item.get("Value"), "ts": item.get("Timestamp")}

    def recorded(self, tag: str, start: str = "*-1d", end: str = "*", max_count: int = 5000) -> List[dict]:
        web_id = self.find_point(tag)
        data = self._get(f"streams/{web_id}/recorded", startTime=start, endTime=end, maxCount=max_count)
        return [{"ts": i["Timestamp"], "value": i["Value"], "good": i.get("Good", True)}
                for i in data.get("Items", [])]


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = HistorianClient()
    for tag in ("RES01.LEVEL", "PS02.FLOW", "WTP.CL2.RESIDUAL"):
        log.info("%s -> %s", tag, client.current_value(tag))
