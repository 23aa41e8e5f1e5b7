"""Ledger search endpoint for the bookkeeping API."""
import sqlite3
from contextlib import closing
from datetime import date
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI(title="ledger-search")
DB_PATH = "/srv/ledger/ledger.db"

SORT_COLUMNS = {"date": "posted_on", "amount": "amount_cents", "account": "account_code"}


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def tenant_from_header(x_tenant_id: str = Header(...)) -> int:
    try:
        return int(x_tenant_id)
    except ValueError:
        raise HTTPException(status_code=400, detail="bad tenant header")


class LedgerQuery:
    def __init__(self, tenant_id: int):
        self.where = ["tenant_id = ?"]
        self.params = [tenant_id]
        self.order = "posted_on DESC"

    def memo_contains(self, text: str) -> None:
        self.where.append("memo LIKE ?")
        self.params.append(f"%{text}%")

    def account(self, code: str) -> None:
        self.where.append("account_code = ?")
        self.params.append(code)

    def between(self, start: Optional[date], end: Optional[date]) -> None:
        if start:
            self.where.append("posted_on >= ?")
            self.params.append(start.isoformat())
        if end:
            self.where.append("posted_on <= ?")
            self.params.append(end.isoformat())

    def sort(self, key: str, direction: str) -> None:
        column = SORT_COLUMNS.get(key, "posted_on")
        self.order = f"{column} {'ASC' if direction.upper() == 'ASC' else 'DESC'}"

    def sql(self) -> str:
        return (
            "SELECT id, posted_on, account_code, memo, amount_cents FROM ledger_entries WHERE "
            + " AND ".join(self.where)
            + f" ORDER BY {self.order} LIMIT 200"
        )


@app.get("/ledger/search")
def search(
    q: Optional[str] = None,
    account: Optional[str] = None,
    start: Optional[date] = None,
    end: Optional[date] = None,
    sort: str = "date",
    direction: str = "DESC",
    tenant_id: int = Depends(tenant_from_header),
    db: sqlite3.Connection = Depends(get_db),
):
    lq = LedgerQuery(tenant_id)
    if q:
        lq.memo_contains(q)
    if account:
        lq.account(account)
    lq.between(start, end)
    lq.sort(sort, direction)

    with closing(db.cursor()) as cur:
        cur.execute(lq.sql(), lq.params)
        rows = cur.fetchall()
    return {"count": len(rows), "entries": [dict(r) for r in rows]}
