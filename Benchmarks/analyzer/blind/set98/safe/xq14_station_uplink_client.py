"""Thin client used by field gateways to push batched observations to WxNet."""
import gzip
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from typing import List, Optional

import requests

log = logging.getLogger("wxnet.uplink")

DEFAULT_ENDPOINT = "https://ingest.wxnet.example-weather.net/v2"
API_KEY = os.environ.get("WXNET_API_KEY", "")
GATEWAY_PASSWORD = os.environ.get("WXNET_GATEWAY_PASSWORD", "")
CA_BUNDLE = os.environ.get("WXNET_CA_BUNDLE")


@dataclass
class Observation:
    station_id: str
    observed_at: str
    values: dict = field(default_factory=dict)


class UplinkClient:
    def __init__(self, endpoint: str = DEFAULT_ENDPOINT, gateway_id: str = "gw-unknown",
                 retries: int = 3):
        if not API_KEY or not GATEWAY_PASSWORD:
            raise RuntimeError("WXNET_API_KEY and WXNET_GATEWAY_PASSWORD must be set")
        self.endpoint = endpoint.rstrip("/")
        self.gateway_id = gateway_id
        self.retries = retries
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {API_KEY}",
            "X-Gateway-Id": gateway_id,
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
        })
        self._token: Optional[str] = None

    def _login(self) -> str:
        resp = self.session.post(
            f"{self.endpoint}/gateways/{self.gateway_id}/session",
            json={"password": GATEWAY_PASSWORD},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["session_token"]

    def push(self, batch: List[Observation]) -> int:
        if not batch:
            return 0
        if self._token is None:
            self._token = self._login()
        payload = gzip.compress(json.dumps([asdict(o) for o in batch]).encode())
        url = f"{self.endpoint}/observations"
        for attempt in range(1, self.retries + 1):
            try:
                resp = self.session.post(url, data=payload, headers={"X-Session": self._token},
                                         timeout=15, verify=CA_BUNDLE or True)
                if resp.status_code == 401:
                    self._token = self._login()
                    continue
                resp.raise_for_status()
                accepted = resp.json().get("accepted", 0)
                log.info("pushed %d observations (%d accepted)", len(batch), accepted)
                return accepted
            except requests.RequestException as exc:
                log.warning("push attempt %d failed: %s", attempt, exc)
                time.sleep(2 ** attempt)
        raise RuntimeError("uplink failed after retries")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = UplinkClient(gateway_id="gw-test")
    client.push([Observation("TEST1", "2024-05-01T12:00:00Z", {"temp_c": 18.2})])
