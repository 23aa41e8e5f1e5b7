"""Poll substation gateways for telemetry and forward it to the historian."""
import json
import logging
import os
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Iterable, Iterator, List, Tuple

import requests
import schedule

log = logging.getLogger("grid-telemetry")

HISTORIAN_HOST = os.environ.get("HISTORIAN_HOST", "historian.grid.internal")
HISTORIAN_PORT = int(os.environ.get("HISTORIAN_PORT", "6514"))
GATEWAYS_FILE = os.environ.get("GATEWAYS_FILE", "/etc/grid-telemetry/gateways.json")
GRID_CA_BUNDLE = os.environ.get("GRID_CA_BUNDLE", "/etc/grid-telemetry/grid-root-ca.pem")


@dataclass(frozen=True)
class Gateway:
    name: str
    base_url: str


def load_gateways(path: str) -> List[Gateway]:
    with open(path, encoding="utf-8") as fh:
        return [Gateway(**item) for item in json.load(fh)]


class TelemetryPoller:
    def __init__(self, gateways: Iterable[Gateway], api_key: str, ca_bundle: str = GRID_CA_BUNDLE):
        self.gateways = list(gateways)
        self.ca_bundle = ca_bundle
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key

    def poll(self, gw: Gateway) -> dict:
        resp = self.session.get(f"{gw.base_url}/api/v2/measurements/latest", timeout=15, verify=self.ca_bundle)
        resp.raise_for_status()
        return resp.json()

    def collect(self) -> Iterator[Tuple[str, dict]]:
        for gw in self.gateways:
            try:
                yield gw.name, self.poll(gw)
            except (requests.RequestException, ValueError) as exc:
                log.warning("gateway %s unreachable: %s", gw.name, type(exc).__name__)


def historian_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=GRID_CA_BUNDLE)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def forward(records: List[Tuple[str, dict]]) -> None:
    ctx = historian_context()
    with socket.create_connection((HISTORIAN_HOST, HISTORIAN_PORT), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname=HISTORIAN_HOST) as tls:
            for name, payload in records:
                line = json.dumps({"gateway": name, "ts": time.time(), "data": payload})
                tls.sendall(line.encode("utf-8") + b"\n")


def job(poller: TelemetryPoller) -> None:
    records = list(poller.collect())
    if not records:
        log.error("no gateway responded in this cycle")
        return
    forward(records)
    log.info("forwarded %d gateway snapshots", len(records))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    poller = TelemetryPoller(load_gateways(GATEWAYS_FILE), os.environ["GATEWAY_API_KEY"])
    schedule.every(30).seconds.do(job, poller)
    while True:
        schedule.run_pending()
        time.sleep(1)


if __name__ == "__main__":
    main()
