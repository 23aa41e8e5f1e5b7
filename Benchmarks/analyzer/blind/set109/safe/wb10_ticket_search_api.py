"""Weighbridge ticket search for the gatehouse and finance teams.

Supports a plain substring search over vehicle registration, haulier name and
the free-text load remarks, plus a "wildcard" mode (``AB12*``) for power users.
"""
import os
import re
import sqlite3
from datetime import date
from typing import List, Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="weighbridge-tickets")
DB_PATH = os.environ.get("WEIGHBRIDGE_DB", "/srv/weighbridge/tickets.db")


class Ticket(BaseModel):
    ticket_no: str
    vehicle_reg: str
    haulier: str
    gross_kg: int
    tare_kg: int
    remarks: str
    weighed_on: date


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def load_tickets(conn, day: Optional[date]) -> List[sqlite3.Row]:
    if day is None:
        return conn.execute(
            "SELECT * FROM tickets ORDER BY weighed_on DESC LIMIT 5000").fetchall()
    return conn.execute(
        "SELECT * FROM tickets WHERE weighed_on = ?", (day.isoformat(),)).fetchall()


def build_matcher(term: str, mode: str):
    if mode == "wildcard":
        if term.count("*") > 1:
            raise HTTPException(status_code=400, detail="only one wildcard is supported")
        pattern = r"\S*".join(re.escape(part) for part in term.split("*"))
    else:
        pattern = re.escape(term)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")


@app.get("/tickets/search", response_model=List[Ticket])
def search_tickets(
    q: str = Query(..., min_length=1, max_length=100),
    mode: str = Query("plain", pattern="^(plain|wildcard)$"),
    day: Optional[date] = None,
    conn=Depends(get_conn),
):
    matcher = build_matcher(q, mode)
    hits = []
    for row in load_tickets(conn, day):
        haystack = " ".join((row["vehicle_reg"], row["haulier"], row["remarks"] or ""))
        if matcher.search(haystack):
            hits.append(Ticket(**dict(row)))
        if len(hits) >= 200:
            break
    return hits

