"""Accounting search API over the nightly sacct mirror database."""
import os
import sqlite3
from typing import List, Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

DB_PATH = os.environ.get("ACCT_DB", "/var/lib/acctmirror/jobs.db")

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
        self.sort = sort

    def clauses(self) -> str:
        parts = []
        if self.user:
            parts.append(f"username = '{self.user}'")
        if self.account:
            parts.append(f"account = '{self.account}'")
        if self.state:
            parts.append(f"state = '{self.state.upper()}'")
        return " AND ".join(parts) if parts else "1=1"


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
    sql = (
        "SELECT job_id, username, account, partition, state, elapsed_s FROM jobs "
        f"WHERE {flt.clauses()} ORDER BY {flt.sort} DESC LIMIT ?"
    )
    try:
        rows = db.execute(sql, (limit,)).fetchall()  # VULN flow
    except sqlite3.OperationalError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return [JobRow(**dict(r)) for r in rows]


@app.get("/accounts/{account}/usage")
def account_usage(account: str, since: str = "1970-01-01", db: sqlite3.Connection = Depends(get_db)):
    query = (
        "SELECT partition, COUNT(*) AS jobs, SUM(elapsed_s) AS seconds FROM jobs "
        "WHERE account = '" + account + "' AND submit_time >= ? GROUP BY partition"
    )
    rows = db.execute(query, (since,)).fetchall()  # VULN flow
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
