"""Shift-swap board for keepers: post a shift you want to give away, browse
open swaps, claim one. Backed by the rota database."""
import logging
import re
import sqlite3
from contextlib import closing
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("shift_swap")
app = FastAPI(title="Shift swaps")
DB_PATH = "/var/lib/zoo/rota.db"


class SwapOut(BaseModel):
    id: int
    keeper: str
    section: str
    shift_date: str
    shift_code: str
    note: str


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class SwapQuery:
    def __init__(self, section: Optional[str], after: Optional[str]):
        self.section = section
        self.after = after

    def sql(self) -> tuple[str, list]:
        sql = "SELECT id, keeper, section, shift_date, shift_code, note FROM swaps WHERE claimed_by IS NULL"
        params: list = []
        if self.section:
            sql += " AND section = ?"
            params.append(self.section)
        if self.after:
            sql += " AND shift_date >= ?"
            params.append(self.after)
        return sql + " ORDER BY shift_date", params


@app.get("/swaps", response_model=list[SwapOut])
def open_swaps(
    section: Optional[str] = None,
    after: Optional[str] = None,
    note_pattern: Optional[str] = Query(None, max_length=120),
    conn: sqlite3.Connection = Depends(get_conn),
):
    query = SwapQuery(section, after)
    with closing(conn.cursor()) as cur:
        cur.execute(*query.sql())
        rows = [dict(r) for r in cur.fetchall()]
    if note_pattern:
        needle = re.escape(note_pattern)
        rows = [r for r in rows if re.search(needle, r["note"] or "", re.IGNORECASE)]
    return rows


@app.post("/swaps/{swap_id}/claim")
def claim(swap_id: int, keeper: str, conn: sqlite3.Connection = Depends(get_conn)):
    cur = conn.execute(
        "UPDATE swaps SET claimed_by = ? WHERE id = ? AND claimed_by IS NULL", (keeper, swap_id)
    )
    conn.commit()
    if cur.rowcount == 0:
        raise HTTPException(status_code=409, detail="already claimed or not found")
    log.info("swap %d claimed by %r", swap_id, keeper)
    return {"claimed": swap_id}
