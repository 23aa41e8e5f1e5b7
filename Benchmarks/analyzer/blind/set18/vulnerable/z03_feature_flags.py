"""Feature flag admin API backed by SQLite."""
import sqlite3
from contextlib import contextmanager
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

DB_PATH = "flags.db"
app = FastAPI(title="flags-admin")


class Flag(BaseModel):
    key: str
    environment: str
    enabled: bool
    rollout: int


class FlagToggle(BaseModel):
    enabled: bool
    rollout: int = Field(100, ge=0, le=100)


@contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


class FlagRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def list(self, environment: str, sort: str, direction: str) -> list[Flag]:
        sql = (
            "SELECT key, environment, enabled, rollout FROM flags "
            f"WHERE environment = ? ORDER BY {sort} {direction}"
        )
        rows = self.conn.execute(sql, (environment,)).fetchall()  # VULN flow
        return [Flag(**dict(r)) for r in rows]

    def get(self, key: str, environment: str) -> Optional[Flag]:
        row = self.conn.execute(
            "SELECT key, environment, enabled, rollout FROM flags WHERE key = ? AND environment = ?",
            (key, environment),
        ).fetchone()
        return Flag(**dict(row)) if row else None

    def toggle(self, key: str, environment: str, change: FlagToggle) -> int:
        cur = self.conn.execute(
            "UPDATE flags SET enabled = ?, rollout = ?, updated_at = CURRENT_TIMESTAMP "
            "WHERE key = ? AND environment = ?",
            (int(change.enabled), change.rollout, key, environment),
        )
        return cur.rowcount


def get_repo() -> Iterator[FlagRepository]:
    with connect() as conn:
        yield FlagRepository(conn)


@app.get("/flags", response_model=list[Flag])
def list_flags(
    env: str = Query("production"),
    sort: str = Query("key"),
    direction: str = Query("asc"),
    repo: FlagRepository = Depends(get_repo),
):
    return repo.list(env, sort, direction)


@app.get("/flags/{key}", response_model=Flag)
def get_flag(key: str, env: str = "production", repo: FlagRepository = Depends(get_repo)):
    flag = repo.get(key, env)
    if flag is None:
        raise HTTPException(status_code=404, detail="unknown flag")
    return flag


@app.put("/flags/{key}", status_code=204)
def toggle_flag(key: str, change: FlagToggle, env: str = "production",
                repo: FlagRepository = Depends(get_repo)):
    if repo.toggle(key, env, change) == 0:
        raise HTTPException(status_code=404, detail="unknown flag")
