"""Thin client for the LIMS REST API, shared by the plate-reader and sequencer scripts.

    from zu14_lims_client_config import LimsClient
    lims = LimsClient()
    layout = lims.plate_layout("PL-2023-0412")
"""
import logging
from dataclasses import dataclass, field
from urllib.parse import quote

import psycopg2
import requests
import urllib3

log = logging.getLogger("lims")

LIMS_BASE_URL = "https://lims.internal.example.org/api/v2"
LIMS_API_KEY = "lk_live_8d9f2c71a4be4f0e93b6a1c5d7e2f018"  # VULN
WAREHOUSE_DSN = "host=warehouse.internal dbname=lims_ro user=lims_reader password=R3ader!2021"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


@dataclass
class LimsClient:
    base_url: str = LIMS_BASE_URL
    api_key: str = LIMS_API_KEY
    timeout: float = 20.0
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self):
        self.session.headers.update({
            "Authorization": f"Bearer {self.api_key}",
            "Accept": "application/json",
        })
        self.session.verify = False  # VULN

    def _get(self, path: str, **params):
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def _post(self, path: str, payload: dict):
        resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def sample(self, barcode: str) -> dict:
        return self._get(f"/samples/{quote(barcode, safe='')}")

    def plate_layout(self, plate_id: str) -> dict:
        return self._get(f"/plates/{quote(plate_id, safe='')}/layout")

    def push_results(self, run_id: str, results: list) -> dict:
        log.info("pushing %d results for run %r", len(results), run_id)
        return self._post(f"/runs/{quote(run_id, safe='')}/results", {"results": results})


def warehouse_connection():
    """Read-only connection to the reporting warehouse."""
    return psycopg2.connect(WAREHOUSE_DSN, connect_timeout=10)


def recent_runs(days: int = 7) -> list:
    with warehouse_connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT run_id, instrument, started_at FROM runs "
            "WHERE started_at > now() - %s * interval '1 day' ORDER BY started_at DESC",
            (days,),
        )
        return cur.fetchall()
