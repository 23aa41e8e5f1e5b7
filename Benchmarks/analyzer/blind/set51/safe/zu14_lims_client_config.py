"""Thin client for the LIMS REST API, shared by the plate-reader and sequencer scripts.

    from zu14_lims_client_config import LimsClient
    lims = LimsClient()
    layout = lims.plate_layout("PL-2023-0412")
"""
import logging
import os
from dataclasses import dataclass, field
from urllib.parse import quote

import psycopg2
import requests

log = logging.getLogger("lims")

LIMS_BASE_URL = os.environ.get("LIMS_BASE_URL", "https://lims.internal.example.org/api/v2")
LIMS_API_KEY = os.environ.get("LIMS_API_KEY", "")
LIMS_CA_BUNDLE = os.environ.get("LIMS_CA_BUNDLE", "/etc/ssl/certs/lab-internal-ca.pem")
WAREHOUSE_DSN = "host=warehouse.internal dbname=lims_ro user=lims_reader"


@dataclass
class LimsClient:
    base_url: str = LIMS_BASE_URL
    api_key: str = LIMS_API_KEY
    timeout: float = 20.0
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self):
        if not self.api_key:
            raise RuntimeError("LIMS_API_KEY is not set")
        self.session.headers.update({
            "Authorization": f"Bearer {self.api_key}",
            "Accept": "application/json",
        })
        self.session.verify = LIMS_CA_BUNDLE if os.path.exists(LIMS_CA_BUNDLE) else True

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
    return psycopg2.connect(
        WAREHOUSE_DSN, password=os.environ["WAREHOUSE_PASSWORD"], connect_timeout=10
    )


def recent_runs(days: int = 7) -> list:
    with warehouse_connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT run_id, instrument, started_at FROM runs "
            "WHERE started_at > now() - %s * interval '1 day' ORDER BY started_at DESC",
            (days,),
        )
        return cur.fetchall()
