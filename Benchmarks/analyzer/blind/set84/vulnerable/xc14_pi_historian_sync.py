"""Nightly pull of compressor station tags from the PI Web API into the
reporting warehouse (CSV drop, picked up by the warehouse loader)."""
import csv
import datetime as dt
import logging
import os
import sys

import requests
import urllib3

log = logging.getLogger("pi_sync")

PI_BASE = "https://pi-web.pipeline.internal/piwebapi"
PI_SERVER = "PISRV01"
PI_USER = "svc_reporting"
PI_PASSWORD = "Compr3ssor#2019"  # VULN
WAREHOUSE_DIR = os.environ.get("WAREHOUSE_DROP", "/data/warehouse/pi_daily")

TAGS = [
    "CS04.DISCH_PRESS", "CS04.SUCT_PRESS", "CS04.FLOW_MMSCFD",
    "CS07.DISCH_PRESS", "CS07.SUCT_PRESS", "CS07.FLOW_MMSCFD",
]

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class PiClient:
    def __init__(self, base: str, user: str, password: str):
        self.base = base
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.verify = False  # VULN
        self.session.headers["X-Requested-With"] = "pi-sync"

    def webid_for(self, tag: str) -> str:
        r = self.session.get(f"{self.base}/points",
                             params={"path": f"\\\\{PI_SERVER}\\{tag}"}, timeout=30)
        r.raise_for_status()
        return r.json()["WebId"]

    def recorded(self, webid: str, start: str, end: str):
        r = self.session.get(f"{self.base}/streams/{webid}/recorded",
                             params={"startTime": start, "endTime": end, "maxCount": 150000},
                             timeout=120)
        r.raise_for_status()
        return r.json().get("Items", [])


def run(day: dt.date) -> int:
    client = PiClient(PI_BASE, PI_USER, PI_PASSWORD)
    start, end = day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
    os.makedirs(WAREHOUSE_DIR, exist_ok=True)
    out_path = os.path.join(WAREHOUSE_DIR, f"pi_{day:%Y%m%d}.csv")
    rows = 0
    with open(out_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["tag", "timestamp", "value", "good"])
        for tag in TAGS:
            try:
                items = client.recorded(client.webid_for(tag), start, end)
            except requests.RequestException as exc:
                log.error("tag %s failed: %s", tag, exc)
                continue
            for item in items:
                writer.writerow([tag, item["Timestamp"], item["Value"], item.get("Good", True)])
                rows += 1
    log.info("wrote %d rows to %s", rows, out_path)
    return rows


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    target = dt.date.today() - dt.timedelta(days=1)
    if len(sys.argv) > 1:
        target = dt.date.fromisoformat(sys.argv[1])
    sys.exit(0 if run(target) else 1)
