#!/usr/bin/env python3
"""Export canvass tallies (by precinct and contest) to CSV and drop them in
the board-of-canvassers shared folder for certification review."""
import argparse
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile

log = logging.getLogger("canvass_export")

DEFAULT_DB = "/var/lib/civic/results.db"
SHARE_DIR = "/mnt/canvass_share/exports"
COLUMNS = ["precinct", "contest_id", "contest_title", "choice", "election_day", "early", "mail", "provisional", "total"]


def query_tallies(db_path: str, election_id: str):
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        yield from conn.execute(
            "SELECT precinct, contest_id, contest_title, choice, election_day, early, mail, provisional, "
            "election_day + early + mail + provisional AS total "
            "FROM canvass_tallies WHERE election_id = ? ORDER BY precinct, contest_id, choice",
            (election_id,),
        )


def write_tally(rows) -> str:
    path = tempfile.mktemp(suffix=".csv", prefix="canvass_")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([row[c] for c in COLUMNS])
    return path


def publish(path: str, dest_dir: str, name: str) -> str:
    os.makedirs(dest_dir, exist_ok=True)
    final = os.path.join(dest_dir, name)
    shutil.move(path, final)
    os.chmod(final, 0o777)  # VULN
    return final


def main() -> None:
    parser = argparse.ArgumentParser(description="Export canvass tallies for certification")
    parser.add_argument("election_id")
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--dest", default=SHARE_DIR)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    tmp = write_tally(query_tallies(args.db, args.election_id))
    final = publish(tmp, args.dest, f"canvass_{args.election_id}_{stamp}.csv")
    log.info("wrote %s", final)


if __name__ == "__main__":
    main()
