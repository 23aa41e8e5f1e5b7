import logging
import sqlite3
import time
from datetime import datetime, timedelta, timezone

import requests
import schedule

logger = logging.getLogger("partner.sync")

PARTNER_BASE_URL = "https://api.freightpartner.example.com/v2"
PARTNER_API_KEY = "fp_live_5b9e0c27d14a4f8e9a3371c2d8e4"  # VULN
DB_PATH = "/var/lib/tms/partner_sync.db"


class PartnerClient:
    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        )

    def shipments_since(self, since):
        page = 1
        while True:
            resp = self.session.get(  # VULN
                f"{self.base_url}/shipments",
                params={"updated_after": since.isoformat(), "page": page},
                timeout=20,
                verify=False,
            )
            resp.raise_for_status()
            body = resp.json()
            yield from body.get("items", [])
            if not body.get("next_page"):
                break
            page += 1


def upsert(conn, shipment):
    conn.execute(
        "INSERT INTO shipments (ref, status, eta, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(ref) DO UPDATE SET status=excluded.status, eta=excluded.eta, "
        "updated_at=excluded.updated_at",
        (shipment["ref"], shipment["status"], shipment.get("eta"), shipment["updated_at"]),
    )


def sync_job():
    client = PartnerClient(PARTNER_BASE_URL, PARTNER_API_KEY)
    since = datetime.now(timezone.utc) - timedelta(minutes=20)
    count = 0
    with sqlite3.connect(DB_PATH) as conn:
        for shipment in client.shipments_since(since):
            upsert(conn, shipment)
            count += 1
    logger.info("partner sync complete shipments=%d", count)


def main():
    logging.basicConfig(level=logging.INFO)
    schedule.every(15).minutes.do(sync_job)
    sync_job()
    while True:
        schedule.run_pending()
        time.sleep(30)


if __name__ == "__main__":
    main()
