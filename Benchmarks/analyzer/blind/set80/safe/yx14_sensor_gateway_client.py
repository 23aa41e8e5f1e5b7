"""Pull 15-minute loop detector counts from the traffic sensor gateway.

Runs from cron every quarter hour and appends to the daily CSV that the
signal timing team loads into their models.
"""
import argparse
import csv
import logging
import os
from datetime import datetime, timedelta

import requests

log = logging.getLogger("sensor_pull")

GATEWAY_URL = os.environ.get("SENSOR_GW_URL", "https://sensors-gw.traffic.city.internal/api/v2")
API_USER = os.environ.get("SENSOR_GW_USER", "counts-ingest")
API_PASSWORD = os.environ["SENSOR_GW_PASSWORD"]
CA_BUNDLE = os.environ.get("SENSOR_GW_CA_BUNDLE", "/etc/ssl/certs/city-internal-ca.pem")
OUT_DIR = os.environ.get("COUNTS_DIR", "/data/traffic/counts")


class SensorGatewayClient:
    def __init__(self, base_url: str = GATEWAY_URL, user: str = API_USER,
                 password: str = API_PASSWORD):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.headers["Accept"] = "application/json"

    def _get(self, path: str, **params):
        url = f"{self.base_url}{path}"
        resp = self.session.get(url, params=params, timeout=20, verify=CA_BUNDLE)
        resp.raise_for_status()
        return resp.json()

    def detectors(self, corridor: str):
        return self._get("/detectors", corridor=corridor)["items"]

    def counts(self, detector_id: str, start: datetime, end: datetime):
        data = self._get(f"/detectors/{detector_id}/counts",
                         start=start.isoformat(), end=end.isoformat(), bin="15m")
        return data.get("bins", [])


def write_counts(rows, day: str) -> str:
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, f"counts-{day}.csv")
    new_file = not os.path.exists(path)
    with open(path, "a", newline="") as fh:
        writer = csv.writer(fh)
        if new_file:
            writer.writerow(["detector", "bin_start", "volume", "occupancy", "speed_kmh"])
        writer.writerows(rows)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corridor", default="ring-north")
    ap.add_argument("--minutes", type=int, default=15)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    end = datetime.utcnow().replace(second=0, microsecond=0)
    start = end - timedelta(minutes=args.minutes)
    client = SensorGatewayClient()
    rows = []
    for det in client.detectors(args.corridor):
        for b in client.counts(det["id"], start, end):
            rows.append([det["id"], b["start"], b["volume"], b.get("occupancy"), b.get("speed")])
    path = write_counts(rows, end.strftime("%Y%m%d"))
    log.info("wrote %d rows to %s", len(rows), path)


if __name__ == "__main__":
    main()
