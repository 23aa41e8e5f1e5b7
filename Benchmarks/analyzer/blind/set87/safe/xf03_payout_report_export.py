#!/usr/bin/env python3
"""Nightly export of per-league payout statements, zipped for the finance SFTP drop."""
import argparse
import csv
import logging
import os
import re
import sqlite3
import subprocess
from datetime import date

log = logging.getLogger("payout.export")

EXPORT_DIR = os.environ.get("PAYOUT_EXPORT_DIR", "/srv/exports/payouts")
DB_PATH = os.environ.get("LEAGUE_DB", "/var/lib/leagues/leagues.db")


def fetch_leagues(conn):
    return conn.execute(
        "SELECT id, name FROM leagues WHERE status = 'settled' AND payout_exported = 0"
    ).fetchall()


def fetch_payouts(conn, league_id):
    return conn.execute(
        "SELECT team_name, owner_email, amount_cents FROM payouts WHERE league_id = ? ORDER BY amount_cents DESC",
        (league_id,),
    ).fetchall()


def write_csv(league_id, rows, period):
    path = os.path.join(EXPORT_DIR, f"league_{league_id}_{period}.csv")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["team", "owner", "amount"])
        for team, owner, cents in rows:
            writer.writerow([team, owner, f"{cents / 100:.2f}"])
    return path


def archive_name(league_id, league_name, period):
    # commissioners pick the league name, finance wants it in the filename
    slug = re.sub(r"[^a-z0-9_]+", "_", league_name.strip().lower()).strip("_") or "league"
    return f"{league_id}_{slug[:40]}_{period}.zip"


def compress(csv_path, zip_name):
    cmd = ["zip", "-q", "-m", zip_name, os.path.basename(csv_path)]
    log.info("running %r", cmd)
    rc = subprocess.run(cmd, cwd=EXPORT_DIR).returncode
    if rc != 0:
        raise RuntimeError(f"zip failed with {rc}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--period", default=date.today().strftime("%Y%m"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO)
    os.makedirs(EXPORT_DIR, exist_ok=True)
    conn = sqlite3.connect(DB_PATH)
    for league_id, name in fetch_leagues(conn):
        rows = fetch_payouts(conn, league_id)
        if not rows:
            continue
        csv_path = write_csv(league_id, rows, args.period)
        if args.dry_run:
            log.info("dry run, leaving %r", csv_path)
            continue
        compress(csv_path, archive_name(league_id, name, args.period))
        conn.execute("UPDATE leagues SET payout_exported = 1 WHERE id = ?", (league_id,))
        conn.commit()
    conn.close()


if __name__ == "__main__":
    main()
