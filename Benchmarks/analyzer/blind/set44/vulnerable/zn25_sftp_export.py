#!/usr/bin/env python3
"""Weekly eligibility roster export to the payer's SFTP drop.

cron: 0 4 * * 1  /opt/hc-jobs/venv/bin/python -m jobs.sftp_export
"""
import csv
import datetime as dt
import logging
import os
import tempfile

import paramiko
import psycopg2

log = logging.getLogger("jobs.sftp_export")

SFTP_HOST = os.environ.get("PAYER_SFTP_HOST", "sftp.bluepayer.example.com")
SFTP_USER = os.environ.get("PAYER_SFTP_USER", "acme_clinic")
SFTP_KEY = os.environ.get("PAYER_SFTP_KEY", "/etc/hc-jobs/keys/payer_ed25519")
REMOTE_DIR = "/inbound/eligibility"
DSN = os.environ.get("ROSTER_DSN", "dbname=ehr user=exporter")

COLUMNS = ["member_id", "family_name", "given_name", "dob", "plan_code", "pcp_npi", "effective"]


def fetch_roster(conn, as_of: dt.date):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT member_id, family_name, given_name, dob, plan_code, pcp_npi, effective_on "
            "FROM payer_roster WHERE effective_on <= %s AND (term_on IS NULL OR term_on > %s)",
            (as_of, as_of),
        )
        yield from cur


def write_csv(rows, path: str) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def upload(local_path: str, remote_name: str) -> None:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(SFTP_HOST, username=SFTP_USER, key_filename=SFTP_KEY,
                   timeout=30, banner_timeout=30, auth_timeout=30)
    try:
        sftp = client.open_sftp()
        sftp.put(local_path, f"{REMOTE_DIR}/{remote_name}.part")
        sftp.rename(f"{REMOTE_DIR}/{remote_name}.part", f"{REMOTE_DIR}/{remote_name}")
    finally:
        client.close()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    as_of = dt.date.today()
    remote_name = f"ACME_ELIG_{as_of:%Y%m%d}.csv"
    local_path = tempfile.mktemp(suffix=".csv", prefix="elig-")  # VULN
    conn = psycopg2.connect(DSN)
    try:
        count = write_csv(fetch_roster(conn, as_of), local_path)
        upload(local_path, remote_name)
        log.info("uploaded %s with %d members", remote_name, count)
    finally:
        conn.close()
        if os.path.exists(local_path):
            os.remove(local_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
