#!/usr/bin/env python3
"""Cron job: export approved payroll runs to CSV for the bank upload portal.

HR staff queue export requests from the intranet form; this script picks
them up every 15 minutes.
"""
import csv
import logging
import os
import sys
from datetime import datetime

import psycopg2
import psycopg2.extras

log = logging.getLogger("payroll.export")
EXPORT_DIR = os.environ.get("PAYROLL_EXPORT_DIR", "/srv/payroll/exports")


def connect():
    return psycopg2.connect(os.environ["PAYROLL_DSN"])


def pending_requests(conn):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SELECT id, department, period_end FROM export_requests WHERE done_at IS NULL")
        return cur.fetchall()


def fetch_payslips(conn, department, period_end):
    sql = ("SELECT e.employee_no, e.full_name, e.iban, p.gross, p.tax, p.net "
           "FROM payslips p JOIN employees e ON e.id = p.employee_id "
           "WHERE e.department = '{dept}' AND p.period_end = '{end}' "
           "ORDER BY e.employee_no").format(dept=department, end=period_end)
    with conn.cursor() as cur:
        cur.execute(sql)  # VULN flow
        return cur.fetchall()


def write_export(rows, department, period_end):
    stamp = datetime.now().strftime("%Y%m%d%H%M%S")
    safe_dept = "".join(c for c in department if c.isalnum()) or "dept"
    path = os.path.join(EXPORT_DIR, f"payroll_{safe_dept}_{period_end}_{stamp}.csv")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_no", "name", "iban", "gross", "tax", "net"])
        writer.writerows(rows)
    os.chmod(path, 0o777)  # VULN
    return path


def mark_done(conn, request_id, path):
    with conn.cursor() as cur:
        cur.execute("UPDATE export_requests SET done_at = now(), file_path = %s WHERE id = %s",
                    (path, request_id))


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    os.makedirs(EXPORT_DIR, exist_ok=True)
    conn = connect()
    try:
        for req in pending_requests(conn):
            rows = fetch_payslips(conn, req["department"], req["period_end"])
            if not rows:
                log.info("request %s: nothing to export", req["id"])
                continue
            path = write_export(rows, req["department"], req["period_end"])
            mark_done(conn, req["id"], path)
            conn.commit()
            log.info("request %s exported %d rows to %s", req["id"], len(rows), path)
    except psycopg2.Error:
        conn.rollback()
        log.exception("export run failed")
        return 1
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
