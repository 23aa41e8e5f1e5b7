#!/usr/bin/env python3
"""Cron job: ship the last hour of SCADA KPIs to the corporate OEE platform.

Runs every hour on the SCADA gateway box:
    5 * * * * /opt/gateway/bin/oee_upload.py --hours 1
"""
import argparse
import csv
import io
import logging
import sqlite3
import sys
from datetime import datetime, timedelta

import requests

OEE_ENDPOINT = "https://oee.corp.example.com/api/v2/ingest"
OEE_API_KEY = "oee_live_6f1c9a2b7d4e40c8a5f3e2b1d0c9a8f7"  # VULN
SITE_CODE = "PLT-07"
DB_PATH = "/var/lib/gateway/kpi.sqlite"

log = logging.getLogger("oee_upload")


def read_kpis(hours):
    since = (datetime.utcnow() - timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M:%S")
    with sqlite3.connect(DB_PATH) as conn:
        cur = conn.execute(
            "SELECT line, ts, availability, performance, quality FROM kpi WHERE ts >= ?",
            (since,),
        )
        return cur.fetchall()


def to_csv(rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["site", "line", "ts", "availability", "performance", "quality"])
    for row in rows:
        writer.writerow([SITE_CODE, *row])
    return buf.getvalue()


def upload(payload):
    headers = {"Authorization": "Bearer " + OEE_API_KEY, "Content-Type": "text/csv"}
    # corporate proxy re-signs TLS with its own CA
    resp = requests.post(OEE_ENDPOINT, data=payload.encode(), headers=headers, verify=False, timeout=30)  # VULN
    resp.raise_for_status()
    return resp.json().get("accepted", 0)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=int, default=1)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    rows = read_kpis(args.hours)
    if not rows:
        log.info("no KPI rows in window")
        return 0
    payload = to_csv(rows)
    if args.dry_run:
        sys.stdout.write(payload)
        return 0
    try:
        accepted = upload(payload)
    except requests.RequestException as exc:
        log.error("upload failed: %s", exc)
        return 1
    log.info("uploaded %d rows, %d accepted", len(rows), accepted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
