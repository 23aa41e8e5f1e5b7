"""Ledger search API used by the reconciliation team."""
import logging
import os
import sqlite3
from contextlib import closing
from typing import Any, Dict, List, Optional

from fastapi import FastAPI, HTTPException, Query

DB_PATH = os.environ.get("LEDGER_DB", "/var/lib/ledger/ledger.db")
COLUMNS = "id, account_no, amount, currency, posted_at, memo"

log = logging.getLogger("ledger.search")
app = FastAPI(title="Ledger search")


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def build_filters(criteria: Dict[str, Any]) -> str:
    clauses: List[str] = []
    if criteria.get("account"):
        clauses.append(f"account_no = '{criteria['account']}'")
    if criteria.get("currency"):
        clauses.append(f"currency = '{criteria['currency'].upper()}'")
    if criteria.get("min_amount") is not None:
        clauses.append(f"amount >= {float(criteria['min_amount'])}")
    if criteria.get("memo"):
        clauses.append(f"memo LIKE '%{criteria['memo']}%'")
    return " AND ".join(clauses) if clauses else "1=1"


class LedgerQuery:
    def __init__(self, where: str, order_by: str, limit: int) -> None:
        self.where = where
        self.order_by = order_by
        self.limit = max(1, min(limit, 500))

    def sql(self) -> str:
        return (
            f"SELECT {COLUMNS} FROM ledger_entries "
            f"WHERE {self.where} ORDER BY {self.order_by} DESC LIMIT {self.limit}"
        )


@app.get("/ledger/entries")
def search_entries(
    account: Optional[str] = None,
    currency: Optional[str] = None,
    min_amount: Optional[float] = None,
    memo: Optional[str] = None,
    sort: str = Query("posted_at"),
    limit: int = 100,
):
    criteria = {"account": account, "currency": currency, "min_amount": min_amount, "memo": memo}
    query = LedgerQuery(build_filters(criteria), sort, limit)
    try:
        with closing(get_conn()) as conn:
            rows = conn.execute(query.sql()).fetchall()  # VULN flow
    except sqlite3.Error as exc:
        log.error("ledger query failed: %s", exc)
        raise HTTPException(status_code=500, detail="query failed")
    return [dict(r) for r in rows]


@app.get("/ledger/accounts/{account_no}/balance")
def account_balance(account_no: str):
    with closing(get_conn()) as conn:
        row = conn.execute(
            "SELECT currency, SUM(amount) AS balance FROM ledger_entries WHERE account_no = ? GROUP BY currency",
            (account_no,),
        ).fetchall()
    if not row:
        raise HTTPException(status_code=404, detail="unknown account")
    return {"account": account_no, "balances": {r["currency"]: r["balance"] for r in row}}
