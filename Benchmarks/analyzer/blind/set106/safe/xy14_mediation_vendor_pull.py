"""Pull raw CDR files from the packet-core vendor's collection API.

Runs every 15 minutes from cron on the mediation collector host. Files are
written to the landing zone where the decoder picks them up.
"""
import argparse
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

import requests

log = logging.getLogger("mediation.pull")

COLLECTOR_API = "https://pgw-collector.core.example-telco.net/api/v3"
API_USER = os.environ.get("COLLECTOR_API_USER", "mediation_svc")
API_PASSWORD = os.environ["COLLECTOR_API_PASSWORD"]
CA_BUNDLE = os.environ.get("COLLECTOR_CA_BUNDLE", "/etc/pki/telco/core-ca.pem")
LANDING_ZONE = "/data/mediation/landing/pgw"


class CollectorClient:
    def __init__(self, base_url, user, password):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.verify = CA_BUNDLE
        self.session.headers["Accept"] = "application/json"

    def list_files(self, since):
        resp = self.session.get(
            f"{self.base_url}/cdr-files",
            params={"closedAfter": since.isoformat(), "format": "asn1"},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()["files"]

    def download(self, file_id, dest):
        with self.session.get(f"{self.base_url}/cdr-files/{file_id}/content", stream=True, timeout=120) as resp:
            resp.raise_for_status()
            with open(dest + ".part", "wb") as fh:
                for chunk in resp.iter_content(chunk_size=1 << 16):
                    fh.write(chunk)
        os.replace(dest + ".part", dest)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--window-minutes", type=int, default=20)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    client = CollectorClient(COLLECTOR_API, API_USER, API_PASSWORD)
    since = datetime.now(timezone.utc) - timedelta(minutes=args.window_minutes)
    fetched = 0
    for meta in client.list_files(since):
        name = os.path.basename(meta["name"])
        dest = os.path.join(LANDING_ZONE, name)
        if os.path.exists(dest):
            continue
        client.download(meta["id"], dest)
        fetched += 1
    log.info("fetched %d new CDR files", fetched)
    return 0


if __name__ == "__main__":
    sys.exit(main())
