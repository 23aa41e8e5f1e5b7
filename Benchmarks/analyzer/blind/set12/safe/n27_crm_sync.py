#!/usr/bin/env python3
"""ETL job: exports contact segments requested through the partner portal.

Partners create rows in ``export_requests`` via the portal UI; this job picks
them up every few minutes and writes CSV extracts to the SFTP drop folder.
"""
import csv
import logging
import os
import sys
from pathlib import Path

import psycopg2
import psycopg2.extras
from psycopg2 import sql

log = logging.getLogger("crm-export")

DSN = os.environ.get("CRM_DSN", "dbname=crm user=etl host=localhost")
DROP_DIR = Path(os.environ.get("EXPORT_DROP_DIR", "/srv/sftp/exports"))
SEGMENT_TABLES = {"segment_newsletter", "segment_trial_users", "segment_enterprise"}


def pending_requests(cur):
    cur.execute(
        "SELECT id, partner_id, segment_table, country, min_score "
        "FROM export_requests WHERE status = 'pending' ORDER BY created_at LIMIT 20"
    )
    return cur.fetchall()


def segment_query(req):
    table = req["segment_table"]
    if table not in SEGMENT_TABLES:
        raise ValueError(f"segment {table!r} is not exportable")
    query = sql.SQL("SELECT contact_id, email, full_name, score FROM {} WHERE country = %s").format(
        sql.Identifier(table))
    params = [req["country"]]
    if req["min_score"] is not None:
        query += sql.SQL(" AND score >= %s")
        params.append(int(req["min_score"]))
    return query, params


def export_request(conn, req):
    out_path = DROP_DIR / f"partner-{int(req['partner_id'])}" / f"export-{int(req['id'])}.csv"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    query, params = segment_query(req)
    with conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall()
    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["contact_id", "email", "full_name", "score"])
        writer.writerows(rows)
    return len(rows)


def mark(conn, req_id, status, note=""):
    with conn.cursor() as cur:
        cur.execute("UPDATE export_requests SET status = %s, note = %s WHERE id = %s",
                    (status, note[:500], req_id))


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = psycopg2.connect(DSN)
    conn.autocommit = True
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            requests_ = pending_requests(cur)
        for req in requests_:
            try:
                count = export_request(conn, req)
                mark(conn, req["id"], "done", f"{count} rows")
                log.info("export %s: %d rows", req["id"], count)
            except (psycopg2.Error, ValueError) as exc:
                log.error("export %s failed: %s", req["id"], exc)
                mark(conn, req["id"], "failed", str(exc))
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
