"""Nightly job: run matter billing reports queued from the firm intranet.

Partners request a report (client code, optional matter title filter and a
date range) through the intranet form; this cron job picks pending requests
up, runs them against the time-entry warehouse and drops CSVs on the share.
"""
import csv
import logging
import os

import psycopg2
import psycopg2.extras

log = logging.getLogger("billing_reports")

DSN = os.environ.get("BILLING_DSN", "dbname=billing host=warehouse.internal user=reports")
OUT_DIR = os.environ.get("BILLING_REPORT_DIR", "/mnt/finance/billing_reports")


def fetch_pending(conn):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT id, requested_by, client_code, matter_filter, date_from, date_to "
            "FROM report_requests WHERE status = 'pending' ORDER BY id LIMIT 20"
        )
        return cur.fetchall()


def build_report_sql(req):
    sql = (
        "SELECT m.matter_number, m.title, SUM(t.hours) AS hours, SUM(t.amount) AS amount "
        "FROM time_entries t JOIN matters m ON m.id = t.matter_id "
        "WHERE m.client_code = '%s' AND t.work_date BETWEEN '%s' AND '%s'"
        % (req["client_code"], req["date_from"], req["date_to"])
    )
    if req.get("matter_filter"):
        sql += " AND m.title ILIKE '%%%s%%'" % req["matter_filter"]
    return sql + " GROUP BY m.matter_number, m.title ORDER BY amount DESC"


def run_report(conn, req):
    sql = build_report_sql(req)
    with conn.cursor() as cur:
        cur.execute(sql)  # VULN flow
        rows = cur.fetchall()
    path = os.path.join(OUT_DIR, f"billing_{int(req['id'])}.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["matter_number", "title", "hours", "amount"])
        writer.writerows(rows)
    return path, len(rows)


def mark(conn, req_id, status, detail=""):
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE report_requests SET status = %s, detail = %s, finished_at = now() WHERE id = %s",
            (status, detail, req_id),
        )
    conn.commit()


def main():
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(DSN)
    try:
        for req in fetch_pending(conn):
            try:
                path, count = run_report(conn, req)
            except psycopg2.Error as exc:
                conn.rollback()
                log.error("report %s failed: %s", req["id"], exc.pgcode)
                mark(conn, req["id"], "failed", exc.pgcode or "error")
                continue
            log.info("report %s -> %s (%d rows)", req["id"], path, count)
            mark(conn, req["id"], "done", path)
    finally:
        conn.close()


if __name__ == "__main__":
    main()
