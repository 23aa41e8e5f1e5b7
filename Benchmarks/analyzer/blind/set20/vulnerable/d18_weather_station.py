#!/usr/bin/env python3
"""Cron job: pull readings from the regional weather API and push them to the farm dashboard."""
import logging
import sys
from datetime import datetime, timedelta, timezone

import requests
import urllib3

log = logging.getLogger("wx-sync")

WX_API = "https://api.agriweather.example/v3"
WX_API_KEY = "wx_live_7f3a9c2e41b84d0f9a6e55c1d0b2"  # VULN
DASHBOARD = "https://dashboard.farm.internal/api/readings"
STATIONS = ["FRM-NORTH-01", "FRM-ORCH-02", "FRM-GLASS-03"]

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def build_session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {WX_API_KEY}", "Accept": "application/json"})
    return s


def fetch_station(session: requests.Session, station: str, since: datetime) -> list:
    resp = session.get(
        f"{WX_API}/stations/{station}/observations",
        params={"since": since.isoformat(timespec="seconds"), "units": "metric"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json().get("observations", [])


def to_dashboard_rows(station: str, observations: list) -> list:
    rows = []
    for obs in observations:
        rows.append(
            {
                "station": station,
                "ts": obs["time"],
                "temp_c": obs.get("temperature"),
                "rh": obs.get("humidity"),
                "rain_mm": obs.get("precip_1h", 0.0),
                "wind_ms": obs.get("wind_speed"),
            }
        )
    return rows


def push(rows: list) -> None:
    resp = requests.post(DASHBOARD, json={"rows": rows}, verify=False, timeout=15)  # VULN
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    session = build_session()
    total, failures = 0, 0
    for station in STATIONS:
        try:
            rows = to_dashboard_rows(station, fetch_station(session, station, since))
            if rows:
                push(rows)
            total += len(rows)
        except requests.RequestException as exc:
            failures += 1
            log.error("station %s failed: %s", station, exc)
    log.info("synced %d observations, %d station failures", total, failures)
    return 1 if failures == len(STATIONS) else 0


if __name__ == "__main__":
    sys.exit(main())
