"""Accounting search API over the nightly sacct mirror database."""
import os
import sqlite3
from typing import List, Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

DB_PATH = os.environ.get("ACCT_DB", "/var/lib/acctmirror/jobs.db")
SORT_COLUMNS = {"submit_time", "elapsed_s", "job_id", "username", "account"}

app = FastAPI(title="acct-search")


class JobRow(BaseModel):
    job_id: int
    username: str
    account: str
    partition: str
    state: str
    elapsed_s: int


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class JobFilter:
    def __init__(self, user=None, account=None, state=None, sort="submit_time"):
        self.user = user
        self.account = account
        self.state = state
        self.sort = sort if sort in SORT_COLUMNS else "submit_time"

    def clauses(self):
        parts, params = [], []
        if self.user:
            parts.append("username = ?")
            params.append(self.user)
        if self.account:
            parts.append("account = ?")
            params.append(self.account)
        if self.state:
            parts.append("state = ?")
            params.append(self.state.upper())
        return (" AND ".join(parts) if parts else "1=1"), params


@app.get("/jobs", response_model=List[JobRow])
def search_jobs(
    user: Optional[str] = None,
    account: Optional[str] = None,
    state: Optional[str] = None,
    sort: str = "submit_time",
    limit: int = Query(100, ge=1, le=1000),
    db: sqlite3.Connection = Depends(get_db),
):
    flt = JobFilter(user, account, state, sort)
    where, params = flt.clauses()
    sql = (
        "SELECT job_id, username, account, partition, state, elapsed_s FROM jobs "
        f"WHERE {where} ORDER BY {flt.sort} DESC LIMIT ?"
    )
    try:
        rows = db.execute(sql, (*params, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return [JobRow(**dict(r)) for r in rows]


@app.get("/accounts/{account}/usage")
def account_usage(account: str, since: str = "1970-01-01", db: sqlite3.Connection = Depends(get_db)):
    query = (
        "SELECT partition, COUNT(*) AS jobs, SUM(elapsed_s) AS seconds FROM jobs "
        "WHERE account = ? AND submit_time >= ? GROUP BY partition"
    )
    rows = db.execute(query, (account, since)).fetchall()
    return {"account": account, "by_partition": [dict(r) for r in rows]}


@app.get("/jobs/{job_id}", response_model=JobRow)
def get_job(job_id: int, db: sqlite3.Connection = Depends(get_db)):
    row = db.execute(
        "SELECT job_id, username, account, partition, state, elapsed_s FROM jobs WHERE job_id = ?",
        (job_id,),
    ).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="no such job")
    return JobRow(**dict(row))
