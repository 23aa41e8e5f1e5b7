"""Ledger search API used by the reconciliation team."""
import logging
import os
import sqlite3
from contextlib import closing
from typing import Any, Dict, List, Optional, Tuple

from fastapi import FastAPI, HTTPException, Query

DB_PATH = os.environ.get("LEDGER_DB", "/var/lib/ledger/ledger.db")
COLUMNS = "id, account_no, amount, currency, posted_at, memo"
SORT_COLUMNS = {"posted_at": "posted_at", "amount": "amount", "id": "id", "account": "account_no"}

log = logging.getLogger("ledger.search")
app = FastAPI(title="Ledger search")


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def build_filters(criteria: Dict[str, Any]) -> Tuple[str, List[Any]]:
    clauses: List[str] = []
    params: List[Any] = []
    if criteria.get("account"):
        clauses.append("account_no = ?")
        params.append(criteria["account"])
    if criteria.get("currency"):
        clauses.append("currency = ?")
        params.append(criteria["currency"].upper())
    if criteria.get("min_amount") is not None:
        clauses.append("amount >= ?")
        params.append(float(criteria["min_amount"]))
    if criteria.get("memo"):
        clauses.append("memo LIKE ?")
        params.append(f"%{criteria['memo']}%")
    return (" AND ".join(clauses) if clauses else "1=1"), params


class LedgerQuery:
    def __init__(self, where: str, params: List[Any], order_by: str, limit: int) -> None:
        self.where = where
        self.params = params
        self.order_by = SORT_COLUMNS.get(order_by, "posted_at")
        self.limit = max(1, min(limit, 500))

    def sql(self) -> str:
        return (
            f"SELECT {COLUMNS} FROM ledger_entries "
            f"WHERE {self.where} ORDER BY {self.order_by} DESC LIMIT ?"
        )

    def args(self) -> List[Any]:
        return [*self.params, self.limit]


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
    where, params = build_filters(criteria)
    query = LedgerQuery(where, params, sort, limit)
    try:
        with closing(get_conn()) as conn:
            rows = conn.execute(query.sql(), query.args()).fetchall()
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
