"""Processes queued production report requests submitted by engineers through
the reservoir portal and writes the CSV extracts to the reports share.

Intended to run every few minutes from cron:
    production-report-worker --db /data/prod/production.db --out /mnt/reports/prod
"""
import argparse
import csv
import logging
import os
import sqlite3
import sys

log = logging.getLogger("prod_report_worker")

SORT_COLUMNS = {
    "prod_date": "prod_date", "well_id": "well_id", "oil_bbl": "oil_bbl DESC",
    "gas_mcf": "gas_mcf DESC", "water_bbl": "water_bbl DESC",
}


def pending_requests(conn, limit: int):
    conn.row_factory = sqlite3.Row
    return conn.execute(
        "SELECT id, field, well_prefix, date_from, date_to, sort_by FROM report_requests "
        "WHERE status = 'PENDING' ORDER BY created LIMIT ?", (limit,)).fetchall()


def build_query(req):
    sql = ("SELECT well_id, prod_date, oil_bbl, gas_mcf, water_bbl FROM daily_production "
           "WHERE field = ?")
    params = [req["field"]]
    if req["well_prefix"]:
        sql += " AND well_id LIKE ? || '%'"
        params.append(req["well_prefix"])
    sql += " AND prod_date BETWEEN ? AND ?"
    params += [req["date_from"], req["date_to"]]
    sql += " ORDER BY %s" % SORT_COLUMNS.get(req["sort_by"] or "prod_date", "prod_date")
    return sql, params


def run_request(conn, req, out_dir: str) -> str:
    query, params = build_query(req)
    cur = conn.execute(query, params)
    path = os.path.join(out_dir, f"production_{int(req['id'])}.csv")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([d[0] for d in cur.description])
        for row in cur:
            writer.writerow(tuple(row))
    return path


def mark(conn, req_id: int, status: str, detail: str = ""):
    conn.execute("UPDATE report_requests SET status = ?, detail = ? WHERE id = ?",
                 (status, detail, req_id))
    conn.commit()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True, help="output directory on the reports share")
    ap.add_argument("--batch", type=int, default=20)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    conn = sqlite3.connect(args.db)
    failures = 0
    for req in pending_requests(conn, args.batch):
        try:
            path = run_request(conn, req, args.out)
        except sqlite3.Error as exc:
            failures += 1
            log.error("request %d failed: %r", req["id"], exc)
            mark(conn, req["id"], "FAILED", str(exc))
            continue
        mark(conn, req["id"], "DONE", path)
        log.info("request %d -> %s", req["id"], path)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
