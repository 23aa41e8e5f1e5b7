#!/usr/bin/env python3
"""Weekly export of campaign donors for the matching-gift partner.

Runs from cron on the shared reporting box; the CSV is encrypted to the
partner's key and pushed over SFTP.
"""
import argparse
import csv
import logging
import os
import subprocess
import tempfile

import psycopg2

log = logging.getLogger("export.partner")

PARTNER_KEY = os.environ.get("PARTNER_GPG_KEY", "matching@brightgiving.example")
SFTP_TARGET = os.environ.get("PARTNER_SFTP", "exports@sftp.brightgiving.example:incoming/")
FIELDS = ["donor_id", "first_name", "last_name", "employer", "amount", "gift_date"]


def export_donors(conn, campaign_id: int) -> str:
    fd, path = tempfile.mkstemp(prefix="donors_", suffix=".csv")
    with conn.cursor() as cur, os.fdopen(fd, "w", newline="") as fh:
        cur.execute(
            "SELECT d.id, d.first_name, d.last_name, d.employer, g.amount, g.gift_date "
            "FROM gifts g JOIN donors d ON d.id = g.donor_id "
            "WHERE g.campaign_id = %s AND d.employer_match = true",
            (campaign_id,),
        )
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(cur)
    return path


def write_summary(campaign_id: int, csv_path: str) -> str:
    with open(csv_path) as fh:
        rows = sum(1 for _ in fh) - 1
    with tempfile.NamedTemporaryFile("w", prefix=f"export_summary_{campaign_id}_",
                                     suffix=".txt", delete=False) as out:
        out.write(f"campaign={campaign_id} rows={rows}\n")
        return out.name


def encrypt_and_send(csv_path: str) -> None:
    fd, encrypted = tempfile.mkstemp(suffix=".csv.gpg")
    os.close(fd)
    subprocess.run(
        ["gpg", "--batch", "--yes", "--trust-model", "always",
         "--recipient", PARTNER_KEY, "--output", encrypted, "--encrypt", csv_path],
        check=True,
    )
    subprocess.run(["scp", "-q", encrypted, SFTP_TARGET], check=True)
    os.remove(encrypted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("campaign_id", type=int)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    conn = psycopg2.connect(os.environ["REPORTING_DSN"])
    try:
        csv_path = export_donors(conn, args.campaign_id)
    finally:
        conn.close()
    try:
        summary = write_summary(args.campaign_id, csv_path)
        encrypt_and_send(csv_path)
        log.info("export sent; summary in %s", summary)
    finally:
        os.remove(csv_path)


if __name__ == "__main__":
    main()
