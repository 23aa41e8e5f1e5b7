#!/usr/bin/env python3
"""Export a marketing segment (subscriber e-mails + consent data) for the agency hand-off."""
import argparse
import csv
import datetime as dt
import logging
import os
import sqlite3

log = logging.getLogger("mailer.export")

EXPORT_ROOT = os.environ.get("SEGMENT_EXPORT_ROOT", "/srv/exports/segments")
FIELDS = ["email", "first_name", "last_name", "country", "consent_source", "consented_at"]


def iter_members(conn, segment_id):
    cur = conn.execute(
        """
        SELECT s.email, s.first_name, s.last_name, s.country, s.consent_source, s.consented_at
        FROM subscribers s
        JOIN segment_members m ON m.subscriber_id = s.id
        WHERE m.segment_id = ? AND s.status = 'active'
        ORDER BY s.email
        """,
        (segment_id,),
    )
    while True:
        rows = cur.fetchmany(1000)
        if not rows:
            return
        yield from rows


def prepare_dir(base, segment_id):
    out_dir = os.path.join(base, str(segment_id))
    os.makedirs(out_dir, exist_ok=True)
    os.chmod(out_dir, 0o777)  # VULN
    return out_dir


def export_segment(conn, segment_id, base=EXPORT_ROOT):
    out_dir = prepare_dir(base, segment_id)
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%S")
    path = os.path.join(out_dir, f"segment_{segment_id}_{stamp}.csv")
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        for row in iter_members(conn, segment_id):
            writer.writerow(row)
            count += 1
    os.chmod(path, 0o777)  # VULN
    log.info("exported %d members of segment %d to %s", count, segment_id, path)
    return path, count


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("segment_id", type=int)
    parser.add_argument("--db", default=os.environ.get("MAILER_DB", "mailer.db"))
    parser.add_argument("--out", default=EXPORT_ROOT)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    conn = sqlite3.connect(args.db)
    try:
        path, count = export_segment(conn, args.segment_id, args.out)
    finally:
        conn.close()
    print(f"{count} rows -> {path}")


if __name__ == "__main__":
    main()
