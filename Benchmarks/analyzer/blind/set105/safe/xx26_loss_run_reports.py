"""Scheduled runner for broker-requested loss-run reports."""
import csv
import logging
import os
import sqlite3
from pathlib import Path

import typer

app = typer.Typer(help="Loss-run report jobs")
log = logging.getLogger("lossrun")

DB_PATH = os.environ.get("CLAIMS_WAREHOUSE", "/srv/warehouse/claims.db")
OUT_DIR = Path(os.environ.get("LOSSRUN_OUT", "/srv/reports/lossrun"))
HEADER = ["claim_ref", "policy_number", "loss_date", "lob", "paid", "outstanding", "incurred"]
SORT_COLUMNS = {"loss_date": "c.loss_date", "incurred": "incurred", "paid": "c.paid", "lob": "c.lob"}


def pending_requests(conn):
    """Rows are written by the broker portal's 'request loss run' form."""
    return conn.execute(
        "SELECT id, broker_id, lob, min_incurred, sort_by, years "
        "FROM report_requests WHERE status = 'pending' ORDER BY id"
    ).fetchall()


def build_query(req: dict):
    where = ["c.broker_id = ?"]
    params = [int(req["broker_id"])]
    if req["lob"]:
        where.append("c.lob = ?")
        params.append(req["lob"])
    if req["min_incurred"]:
        where.append("(c.paid + c.outstanding) >= ?")
        params.append(float(req["min_incurred"]))
    where.append("c.loss_date >= date('now', ?)")
    params.append(f"-{int(req['years'] or 5)} years")
    order = SORT_COLUMNS.get(req["sort_by"] or "loss_date", "c.loss_date")
    query = (
        "SELECT c.claim_ref, c.policy_number, c.loss_date, c.lob, c.paid, c.outstanding, "
        "c.paid + c.outstanding AS incurred FROM claims c WHERE "
        + " AND ".join(where)
        + f" ORDER BY {order} DESC"
    )
    return query, params


def mark(conn, request_id: int, status: str, output: str = None) -> None:
    conn.execute(
        "UPDATE report_requests SET status = ?, output_path = ? WHERE id = ?",
        (status, output, request_id),
    )
    conn.commit()


@app.command()
def run_pending(limit: int = typer.Option(20, help="max requests to process")):
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for row in pending_requests(conn)[:limit]:
        req = dict(row)
        try:
            query, params = build_query(req)
            rows = conn.execute(query, params).fetchall()
        except (sqlite3.Error, ValueError) as exc:
            log.error("loss run request %s failed: %s", req["id"], exc)
            mark(conn, req["id"], "failed")
            continue
        out = OUT_DIR / f"lossrun_{req['broker_id']}_{req['id']}.csv"
        with out.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(tuple(r) for r in rows)
        mark(conn, req["id"], "done", str(out))
        log.info("loss run %s: %d claims -> %s", req["id"], len(rows), out)
    conn.close()


if __name__ == "__main__":
    app()
