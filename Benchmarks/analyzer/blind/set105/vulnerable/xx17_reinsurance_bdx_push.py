"""Nightly push of ceded premium bordereaux to the reinsurer's treaty portal."""
import argparse
import json
import logging
import os
import ssl
import sys
import urllib.request
from datetime import date, timedelta

import requests
import urllib3

log = logging.getLogger("reinsurance.sync")

PORTAL_URL = os.environ.get("RI_PORTAL_URL", "https://treaty.reinsurer.example.com/api/v1")
FX_URL = os.environ.get("FX_RATES_URL", "https://fx.internal.example-insure.com/rates/latest")
EXPORT_DIR = os.environ.get("BDX_EXPORT_DIR", "/srv/bordereaux/ceded")

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def previous_period() -> str:
    return (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def fetch_fx_rates() -> dict:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # VULN
    req = urllib.request.Request(FX_URL, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, context=ctx, timeout=20) as resp:
        return json.load(resp)


def upload_bordereau(session: requests.Session, path: str, treaty: str, period: str, fx: dict) -> str:
    with open(path, "rb") as fh:
        resp = session.post(  # VULN
            f"{PORTAL_URL}/treaties/{treaty}/bordereaux",
            files={"file": (os.path.basename(path), fh, "text/csv")},
            data={"period": period, "usd_rate": fx.get("USD")},
            verify=False,
            timeout=120,
        )
    resp.raise_for_status()
    return resp.json()["submission_id"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Push ceded bordereaux to reinsurer portal")
    parser.add_argument("--period", default=previous_period(), help="YYYY-MM")
    parser.add_argument("--treaty", action="append", required=True)
    args = parser.parse_args(argv)

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['RI_PORTAL_TOKEN']}"
    fx = fetch_fx_rates()
    failures = 0
    for treaty in args.treaty:
        path = os.path.join(EXPORT_DIR, f"{treaty}_{args.period}.csv")
        if not os.path.exists(path):
            log.error("no bordereau for treaty %s period %s", treaty, args.period)
            failures += 1
            continue
        try:
            submission = upload_bordereau(session, path, treaty, args.period, fx)
            log.info("treaty %s period %s accepted as %s", treaty, args.period, submission)
        except requests.RequestException:
            log.exception("upload failed for treaty %s", treaty)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sys.exit(main())
