#!/usr/bin/env python3
"""Cron job: pull water-quality readings for the aquarium tanks from the
AquaSense cloud API and push them into the life-support InfluxDB bucket.

Runs every 5 minutes from /etc/cron.d/aquasense-poll.
"""
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

import requests

log = logging.getLogger("aquasense_poll")

AQUASENSE_BASE = "https://api.aquasense.io/v2"
AQUASENSE_API_KEY = os.environ["AQUASENSE_API_KEY"]
INFLUX_WRITE_URL = "https://influx.lss.zoo.internal:8086/api/v2/write"
INFLUX_TOKEN_FILE = "/etc/zoo/influx.token"
INTERNAL_CA = "/etc/zoo/pki/internal-ca.pem"
TANKS = ["reef-main", "shark-lagoon", "jellies-1", "jellies-2", "quarantine-a"]
TIMEOUT = 15


def fetch_readings(session: requests.Session, tank: str, since: datetime) -> list[dict]:
    resp = session.get(
        f"{AQUASENSE_BASE}/tanks/{tank}/readings",
        params={"since": since.isoformat()},
        headers={"X-Api-Key": AQUASENSE_API_KEY},
        timeout=TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json().get("readings", [])


def to_line_protocol(tank: str, reading: dict) -> str:
    ts = int(datetime.fromisoformat(reading["time"]).timestamp() * 1e9)
    fields = ",".join(
        f"{k}={float(v)}" for k, v in reading.items() if k in {"ph", "salinity", "temp_c", "orp", "nh3"}
    )
    return f"water_quality,tank={tank} {fields} {ts}"


def push_influx(lines: list[str]) -> None:
    with open(INFLUX_TOKEN_FILE) as fh:
        token = fh.read().strip()
    resp = requests.post(
        INFLUX_WRITE_URL,
        params={"org": "zoo", "bucket": "lss", "precision": "ns"},
        data="\n".join(lines).encode(),
        headers={"Authorization": f"Token {token}"},
        timeout=TIMEOUT,
        verify=INTERNAL_CA,
    )
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    since = datetime.now(timezone.utc) - timedelta(minutes=6)
    lines: list[str] = []
    with requests.Session() as session:
        for tank in TANKS:
            try:
                for reading in fetch_readings(session, tank, since):
                    lines.append(to_line_protocol(tank, reading))
            except requests.RequestException as exc:
                log.error("tank %s: %s", tank, exc)
    if lines:
        push_influx(lines)
    log.info("pushed %d readings", len(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
