"""Thin client for the BinSense grain-bin telemetry cloud.

Used by the elevator's nightly sync job to pull bin fill levels and cable
temperatures into the inventory database.
"""
import csv
import logging
import os
import sys
import time
from typing import Dict, Iterator, List, Optional

import requests

log = logging.getLogger("binsense")

API_ROOT = "https://api.binsense.example.com/v3"
SERVICE_USER = os.environ.get("BINSENSE_USER", "elevator-sync")
SERVICE_PASSWORD = os.environ.get("BINSENSE_PASSWORD", "")


class BinSenseError(RuntimeError):
    pass


class BinSenseClient:
    def __init__(self, user: str = SERVICE_USER, password: str = SERVICE_PASSWORD, timeout: float = 15.0):
        if not password:
            raise BinSenseError("BINSENSE_PASSWORD is not configured")
        self.user = user
        self.password = password
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = os.environ.get("BINSENSE_CA_BUNDLE", True)
        self.session.headers["User-Agent"] = "elevator-sync/2.4"
        self._token: Optional[str] = None
        self._token_expiry = 0.0

    def _login(self) -> None:
        resp = self.session.post(
            f"{API_ROOT}/auth/token",
            json={"username": self.user, "password": self.password},
            timeout=self.timeout,
        )
        if resp.status_code != 200:
            raise BinSenseError(f"login failed: HTTP {resp.status_code}")
        body = resp.json()
        self._token = body["access_token"]
        self._token_expiry = time.time() + body.get("expires_in", 3600) - 60

    def _get(self, path: str, **params) -> dict:
        if self._token is None or time.time() >= self._token_expiry:
            self._login()
        resp = self.session.get(
            f"{API_ROOT}{path}",
            params=params,
            headers={"Authorization": f"Bearer {self._token}"},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()

    def list_bins(self, site_id: str) -> List[dict]:
        return self._get(f"/sites/{site_id}/bins")["bins"]

    def bin_levels(self, bin_id: str, since: Optional[str] = None) -> Iterator[Dict]:
        cursor = None
        while True:
            page = self._get(f"/bins/{bin_id}/levels", since=since, cursor=cursor)
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                break


def export_site(site_id: str, out) -> int:
    client = BinSenseClient()
    writer = csv.writer(out)
    writer.writerow(["bin_id", "measured_at", "fill_pct", "max_cable_temp_c"])
    count = 0
    for b in client.list_bins(site_id):
        for level in client.bin_levels(b["id"]):
            writer.writerow([b["id"], level["ts"], level["fill_pct"], level.get("max_temp_c")])
            count += 1
    log.info("exported %d readings for site %s", count, site_id)
    return count


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    export_site(sys.argv[1], sys.stdout)
