"""Export ledger entries to CSV and publish them to the finance share."""
import argparse
import csv
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date

COLUMNS = ("entry_id", "posted_on", "account", "debit", "credit", "memo")


def fetch_entries(db_path: str, start: date, end: date):
    conn = sqlite3.connect(db_path)
    try:
        cur = conn.execute(
            "SELECT entry_id, posted_on, account, debit, credit, memo FROM ledger "
            "WHERE posted_on BETWEEN ? AND ? ORDER BY posted_on, entry_id",
            (start.isoformat(), end.isoformat()),
        )
        yield from cur
    finally:
        conn.close()


def write_csv(rows, workdir: str) -> str:
    fd, tmp_path = tempfile.mkstemp(suffix=".csv", dir=workdir)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    print(f"wrote {count} entries", file=sys.stderr)
    return tmp_path


def publish(tmp_path: str, share: str, start: date, end: date) -> str:
    os.makedirs(share, exist_ok=True)
    final = os.path.join(share, f"ledger_{start:%Y%m%d}_{end:%Y%m%d}.csv")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o640)
    return final


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Export ledger entries to CSV")
    parser.add_argument("--db", default="ledger.db")
    parser.add_argument("--start", type=date.fromisoformat, required=True)
    parser.add_argument("--end", type=date.fromisoformat, required=True)
    parser.add_argument("--workdir", default=tempfile.gettempdir())
    parser.add_argument("--share", default="/mnt/finance/exports")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.end < args.start:
        print("end must not be before start", file=sys.stderr)
        return 2
    tmp_path = write_csv(fetch_entries(args.db, args.start, args.end), args.workdir)
    try:
        final = publish(tmp_path, args.share, args.start, args.end)
    except OSError:
        os.unlink(tmp_path)
        raise
    print(final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
