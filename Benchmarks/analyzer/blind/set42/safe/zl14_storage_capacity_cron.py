#!/usr/bin/env python3
"""Cron job: collect volume capacity from the storage array REST API and
push it to the Prometheus pushgateway.

Runs every 15 minutes from the ops box.
"""
import argparse
import logging
import os
import sys
from typing import Dict, List

import requests

log = logging.getLogger("capacity")

ARRAY_API = "https://storage-array01.dc1.internal/api/storage/volumes"
ARRAY_USER = os.environ.get("ARRAY_USER", "svc_monitoring")
ARRAY_PASSWORD = os.environ["ARRAY_PASSWORD"]
ARRAY_CA_BUNDLE = os.environ.get("ARRAY_CA_BUNDLE", "/etc/pki/internal/dc1-root-ca.pem")
PUSHGATEWAY = "http://pushgateway.monitoring.svc:9091/metrics/job/storage_capacity"
REQUEST_TIMEOUT = 20


class ArrayClient:
    def __init__(self, base_url: str, user: str, password: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.headers["Accept"] = "application/json"

    def volumes(self) -> List[Dict]:
        params = {"fields": "name,svm.name,space.size,space.used", "max_records": 1000}
        resp = self.session.get(self.base_url, params=params, timeout=REQUEST_TIMEOUT, verify=ARRAY_CA_BUNDLE)
        resp.raise_for_status()
        return resp.json().get("records", [])


def to_exposition(volumes: List[Dict]) -> str:
    lines = [
        "# TYPE storage_volume_size_bytes gauge",
        "# TYPE storage_volume_used_bytes gauge",
    ]
    for vol in volumes:
        labels = f'volume="{vol["name"]}",svm="{vol.get("svm", {}).get("name", "")}"'
        space = vol.get("space", {})
        lines.append(f"storage_volume_size_bytes{{{labels}}} {space.get('size', 0)}")
        lines.append(f"storage_volume_used_bytes{{{labels}}} {space.get('used', 0)}")
    return "\n".join(lines) + "\n"


def push(body: str) -> None:
    resp = requests.put(PUSHGATEWAY, data=body.encode(), timeout=REQUEST_TIMEOUT,
                        headers={"Content-Type": "text/plain; version=0.0.4"})
    resp.raise_for_status()


def main() -> int:
    parser = argparse.ArgumentParser(description="storage capacity exporter")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    client = ArrayClient(ARRAY_API, ARRAY_USER, ARRAY_PASSWORD)
    try:
        volumes = client.volumes()
    except requests.RequestException as exc:
        log.error("array API unavailable: %s", exc)
        return 2

    body = to_exposition(volumes)
    if args.dry_run:
        sys.stdout.write(body)
        return 0
    push(body)
    log.info("pushed capacity for %d volumes", len(volumes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
