"""Thin client for the glycol chiller / tank temperature controller REST API."""
import logging
import os
from dataclasses import dataclass
from typing import Dict, List, Optional

import requests

log = logging.getLogger("glycol.client")

DEFAULT_USER = os.environ.get("GLYCOL_USER", "cellar-ops")
DEFAULT_PASSWORD = os.environ.get("GLYCOL_PASSWORD", "")
CA_BUNDLE = os.environ.get("GLYCOL_CA_BUNDLE", "/etc/ssl/certs/cellar-ca.pem")


@dataclass
class TankStatus:
    tank: str
    setpoint_c: float
    actual_c: float
    valve_open: bool


class ControllerError(RuntimeError):
    pass


class GlycolControllerClient:
    def __init__(self, base_url: str, username: str = DEFAULT_USER,
                 password: str = DEFAULT_PASSWORD, timeout: float = 8.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.auth = (username, password)
        self.session.verify = CA_BUNDLE if os.path.exists(CA_BUNDLE) else True
        self.session.headers["Accept"] = "application/json"

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        try:
            resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise ControllerError(f"{method} {path} failed: {exc}") from exc
        if resp.status_code >= 400:
            raise ControllerError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else {}

    def tanks(self) -> List[TankStatus]:
        data = self._request("GET", "/api/v2/tanks")
        return [
            TankStatus(t["id"], float(t["setpoint"]), float(t["temp"]), bool(t["valve"]))
            for t in data.get("tanks", [])
        ]

    def set_setpoint(self, tank: str, celsius: float) -> None:
        if not -4.0 <= celsius <= 30.0:
            raise ValueError("setpoint out of range")
        self._request("PUT", f"/api/v2/tanks/{tank}/setpoint", json={"value": celsius})
        log.info("setpoint for %s set to %.1fC", tank, celsius)

    def crash_cool(self, tank: str, target: float = 0.5) -> None:
        self.set_setpoint(tank, target)

    def alarms(self, since: Optional[str] = None) -> List[Dict]:
        params = {"since": since} if since else None
        return self._request("GET", "/api/v2/alarms", params=params).get("alarms", [])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = GlycolControllerClient("https://glycol-ctrl.cellar.local")
    for status in client.tanks():
        print(f"{status.tank:>6} set={status.setpoint_c:5.1f} act={status.actual_c:5.1f}")
