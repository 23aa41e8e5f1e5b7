"""Synchronise thermostat setpoints and runtime stats with the vendor cloud."""
import logging
import os
from dataclasses import dataclass
from typing import Dict, List

import requests
import urllib3

log = logging.getLogger("cloudsync")

API_BASE = os.environ.get("THERMO_CLOUD_URL", "https://api.thermo-cloud.example.com/v2")
REQUEST_TIMEOUT = (5, 20)

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


@dataclass
class Thermostat:
    serial: str
    zone: str
    setpoint: float
    runtime_minutes: int


class CloudSync:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.verify = False  # VULN
        self.session.headers.update({
            "Authorization": f"Bearer {token}",
            "User-Agent": "homehub-cloudsync/1.4",
        })

    def _url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def push_runtime(self, devices: List[Thermostat]) -> int:
        payload = [
            {"serial": d.serial, "zone": d.zone, "runtime": d.runtime_minutes}
            for d in devices
        ]
        resp = self.session.post(self._url("/runtime"), json=payload, timeout=REQUEST_TIMEOUT)
        resp.raise_for_status()
        return resp.json().get("accepted", 0)

    def pull_setpoints(self) -> Dict[str, float]:
        resp = self.session.get(self._url("/setpoints"), timeout=REQUEST_TIMEOUT)
        resp.raise_for_status()
        return {item["serial"]: float(item["setpoint"]) for item in resp.json()["items"]}


def sync_once(client: CloudSync, local: List[Thermostat]) -> List[Thermostat]:
    accepted = client.push_runtime(local)
    log.info("cloud accepted %d runtime records", accepted)
    remote = client.pull_setpoints()
    changed = []
    for dev in local:
        target = remote.get(dev.serial)
        if target is not None and abs(target - dev.setpoint) >= 0.5:
            dev.setpoint = target
            changed.append(dev)
    return changed


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = CloudSync(API_BASE, os.environ["THERMO_CLOUD_TOKEN"])
    devices = [Thermostat("TH-0001", "living", 21.0, 312), Thermostat("TH-0002", "bed", 19.0, 95)]
    for dev in sync_once(client, devices):
        log.info("setpoint for %s changed to %.1f", dev.serial, dev.setpoint)
