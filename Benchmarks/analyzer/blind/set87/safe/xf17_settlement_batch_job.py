#!/usr/bin/env python3
"""Cron job: builds the daily settlement batch and hands it to the bank uploader."""
import csv
import logging
import os
import shutil
import sqlite3
import tempfile
from datetime import date, timedelta

log = logging.getLogger("settlement.batch")

DB_PATH = os.environ.get("WALLET_DB", "/var/lib/wallet/wallet.db")
OUTBOX = os.environ.get("SETTLEMENT_OUTBOX", "/srv/bank-outbox")


def pending_withdrawals(conn, business_day):
    return conn.execute(
        """SELECT w.id, m.full_name, m.iban, w.amount_cents, w.currency
           FROM withdrawals w JOIN members m ON m.id = w.member_id
           WHERE w.status = 'approved' AND date(w.approved_at) = ?""",
        (business_day.isoformat(),),
    ).fetchall()


def write_batch(rows, business_day) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="settle_", suffix=".csv")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["withdrawal_id", "beneficiary", "iban", "amount", "currency", "value_date"])
        for wid, name, iban, cents, ccy in rows:
            writer.writerow([wid, name, iban, f"{cents / 100:.2f}", ccy, business_day.isoformat()])
    return tmp_path


def publish(tmp_path, business_day) -> str:
    os.makedirs(OUTBOX, mode=0o750, exist_ok=True)
    final_path = os.path.join(OUTBOX, f"settlement_{business_day:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    # the uploader runs as a different service account in the same group
    os.chmod(final_path, 0o640)
    return final_path


def mark_sent(conn, rows):
    conn.executemany("UPDATE withdrawals SET status = 'sent' WHERE id = ?", [(r[0],) for r in rows])
    conn.commit()


def run(business_day=None):
    business_day = business_day or (date.today() - timedelta(days=1))
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = pending_withdrawals(conn, business_day)
        if not rows:
            log.info("nothing to settle for %s", business_day)
            return None
        path = publish(write_batch(rows, business_day), business_day)
        mark_sent(conn, rows)
        log.info("wrote %d withdrawals to %s", len(rows), path)
        return path
    finally:
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
