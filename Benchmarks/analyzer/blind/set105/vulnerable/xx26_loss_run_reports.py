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


def pending_requests(conn):
    """Rows are written by the broker portal's 'request loss run' form."""
    return conn.execute(
        "SELECT id, broker_id, lob, min_incurred, sort_by, years "
        "FROM report_requests WHERE status = 'pending' ORDER BY id"
    ).fetchall()


def build_query(req: dict) -> str:
    where = [f"c.broker_id = {int(req['broker_id'])}"]
    if req["lob"]:
        where.append(f"c.lob = '{req['lob']}'")
    if req["min_incurred"]:
        where.append(f"(c.paid + c.outstanding) >= {req['min_incurred']}")
    where.append(f"c.loss_date >= date('now', '-{int(req['years'] or 5)} years')")
    order = req["sort_by"] or "loss_date"
    return (
        "SELECT c.claim_ref, c.policy_number, c.loss_date, c.lob, c.paid, c.outstanding, "
        "c.paid + c.outstanding AS incurred FROM claims c WHERE "
        + " AND ".join(where)
        + f" ORDER BY {order} DESC"
    )


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
        query = build_query(req)
        try:
            rows = conn.execute(query).fetchall()  # VULN flow
        except sqlite3.Error as exc:
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
