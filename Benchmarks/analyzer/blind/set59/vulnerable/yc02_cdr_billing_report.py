"""Call detail record summaries for the reseller billing portal."""
import sqlite3
from datetime import date
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query

app = FastAPI(title="CDR reports")
DB_PATH = "/var/lib/billing/cdr.sqlite3"
ALLOWED_DIRECTIONS = {"inbound", "outbound"}


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def build_filters(account_id: int, since: date, until: date,
                  dst_prefix: Optional[str], direction: Optional[str]) -> str:
    clauses = [
        f"account_id = {account_id}",
        f"start_time >= '{since.isoformat()}'",
        f"start_time < '{until.isoformat()}'",
    ]
    if dst_prefix:
        clauses.append(f"dst_number LIKE '{dst_prefix}%'")
    if direction in ALLOWED_DIRECTIONS:
        clauses.append(f"direction = '{direction}'")
    return " AND ".join(clauses)


@app.get("/accounts/{account_id}/cdr/summary")
def cdr_summary(
    account_id: int,
    since: date,
    until: date,
    dst_prefix: Optional[str] = Query(None, max_length=32),
    direction: Optional[str] = None,
    db: sqlite3.Connection = Depends(get_db),
):
    if until <= since:
        raise HTTPException(status_code=400, detail="empty period")
    where = build_filters(account_id, since, until, dst_prefix, direction)
    sql = (
        "SELECT dst_country, COUNT(*) AS calls, SUM(billsec) AS seconds, "
        "ROUND(SUM(cost), 4) AS cost FROM cdr WHERE " + where +
        " GROUP BY dst_country ORDER BY cost DESC"
    )
    rows = db.execute(sql).fetchall()  # VULN flow
    total = sum(r["cost"] or 0 for r in rows)
    return {
        "account_id": account_id,
        "period": [since.isoformat(), until.isoformat()],
        "total_cost": round(total, 4),
        "by_country": [dict(r) for r in rows],
    }


@app.get("/accounts/{account_id}/cdr/top-destinations")
def top_destinations(account_id: int, limit: int = Query(10, ge=1, le=100),
                     db: sqlite3.Connection = Depends(get_db)):
    rows = db.execute(
        "SELECT dst_number, COUNT(*) AS calls FROM cdr WHERE account_id = ? "
        "GROUP BY dst_number ORDER BY calls DESC LIMIT ?",
        (account_id, limit),
    ).fetchall()
    return [dict(r) for r in rows]
