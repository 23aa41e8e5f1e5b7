"""Thin client for the LoRaWAN network server REST API.

Used by provisioning scripts and the nightly device-inventory sync.
"""
import logging
from dataclasses import dataclass
from typing import Iterator, Optional

import requests

log = logging.getLogger("lns-client")

LNS_BASE_URL = "https://lns.iot.internal:8443/api/v3"
LNS_API_KEY = "NNSXS.7QKZ3M2XW5YQJH4DLV6A2PTQ.C3KJ7WQ2M4NZBX5VLY6TR8PQHF3DKS2A9EUWGZ1"  # VULN
DEFAULT_TIMEOUT = 15


@dataclass
class EndDevice:
    device_id: str
    dev_eui: str
    join_eui: str
    frequency_plan: str = "EU_863_870_TTN"


class NetworkServerClient:
    def __init__(self, application_id: str, api_key: Optional[str] = None, base_url: str = LNS_BASE_URL):
        self.application_id = application_id
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key or LNS_API_KEY}"
        self.session.verify = False  # VULN

    def _url(self, *parts: str) -> str:
        return "/".join([self.base_url, "applications", self.application_id, *parts])

    def list_devices(self, page_size: int = 100) -> Iterator[dict]:
        page = 1
        while True:
            resp = self.session.get(
                self._url("devices"),
                params={"limit": page_size, "page": page, "field_mask": "ids,name,updated_at"},
                timeout=DEFAULT_TIMEOUT,
            )
            resp.raise_for_status()
            devices = resp.json().get("end_devices", [])
            yield from devices
            if len(devices) < page_size:
                return
            page += 1

    def register(self, dev: EndDevice) -> dict:
        body = {
            "end_device": {
                "ids": {"device_id": dev.device_id, "dev_eui": dev.dev_eui, "join_eui": dev.join_eui},
                "frequency_plan_id": dev.frequency_plan,
                "lorawan_version": "MAC_V1_0_3",
            }
        }
        resp = self.session.post(self._url("devices"), json=body, timeout=DEFAULT_TIMEOUT)
        resp.raise_for_status()
        log.info("registered %s", dev.device_id)
        return resp.json()

    def downlink(self, device_id: str, payload_b64: str, port: int = 1) -> None:
        resp = requests.post(  # VULN
            self._url("devices", device_id, "down", "push"),
            json={"downlinks": [{"frm_payload": payload_b64, "f_port": port}]},
            headers=self.session.headers,
            verify=False,
            timeout=DEFAULT_TIMEOUT,
        )
        resp.raise_for_status()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = NetworkServerClient("cold-chain-sensors")
    print(sum(1 for _ in client.list_devices()))
