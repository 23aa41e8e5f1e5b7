#!/usr/bin/env python3
"""Weekly grower settlement export.

Builds the ACH batch CSV for grower settlements (delivered tonnage x
contract price minus drying/shrink charges) and pushes it to the bank's
SFTP server. Runs from cron every Friday at 14:00.
"""
import csv
import logging
import os
import sqlite3
import sys
from datetime import date, timedelta

import paramiko

log = logging.getLogger("settlements.export")

DB_PATH = os.environ.get("SETTLEMENT_DB", "/var/lib/elevator/settlements.db")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/spool/settlements")
BANK_HOST = os.environ.get("BANK_SFTP_HOST", "sftp.ruralbank.example.com")
BANK_USER = os.environ.get("BANK_SFTP_USER", "valleycoop")
BANK_KEY = os.environ.get("BANK_SFTP_KEY", "/etc/settlements/bank_ed25519")


def week_bounds(today: date):
    start = today - timedelta(days=today.weekday() + 7)
    return start, start + timedelta(days=7)


def settlement_rows(conn, start: date, end: date):
    return conn.execute(
        "SELECT g.grower_id, g.legal_name, g.routing_no, g.account_no, "
        "SUM(d.net_kg / 1000.0 * c.price_per_t) - SUM(d.drying_charge + d.shrink_charge) AS amount "
        "FROM deliveries d JOIN growers g ON g.grower_id = d.grower_id "
        "JOIN contracts c ON c.contract_id = d.contract_id "
        "WHERE d.delivered_on >= ? AND d.delivered_on < ? GROUP BY g.grower_id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()


def write_export(rows, stamp: str) -> str:
    os.makedirs(EXPORT_DIR, mode=0o700, exist_ok=True)
    path = os.path.join(EXPORT_DIR, f"grower_settlements_{stamp}.csv")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grower_id", "name", "routing", "account", "amount"])
        for grower_id, name, routing, account, amount in rows:
            writer.writerow([grower_id, name, routing, account, f"{amount:.2f}"])
    os.chmod(path, 0o600)
    return path


def upload(path: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(BANK_HOST, username=BANK_USER, key_filename=BANK_KEY, timeout=30)
    try:
        sftp = client.open_sftp()
        sftp.put(path, f"/inbound/{os.path.basename(path)}")
        sftp.close()
    finally:
        client.close()


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    start, end = week_bounds(date.today())
    with sqlite3.connect(DB_PATH) as conn:
        rows = [r for r in settlement_rows(conn, start, end) if r[4] and r[4] > 0]
    if not rows:
        log.info("no settlements for week starting %s", start)
        return 0
    path = write_export(rows, start.strftime("%Y%m%d"))
    upload(path)
    log.info("uploaded %d settlements (%s)", len(rows), os.path.basename(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
