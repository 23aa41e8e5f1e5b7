"""Reservation search API used by the host-stand tablets."""
import sqlite3
from datetime import date
from typing import Iterator, List, Optional, Tuple

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

DB_PATH = "reservations.db"
app = FastAPI(title="Host Stand API")


class Reservation(BaseModel):
    id: int
    guest_name: str
    party_size: int
    slot: str
    status: str


def get_db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class ReservationFilter:
    """Collects the optional search criteria coming from the tablet UI."""

    def __init__(self, venue_id: int, day: date, guest: Optional[str], status: Optional[str]):
        self.venue_id = venue_id
        self.day = day
        self.guest = guest
        self.status = status

    def where_clause(self) -> Tuple[str, list]:
        clauses = ["venue_id = ?", "service_date = ?"]
        params: list = [int(self.venue_id), self.day.isoformat()]
        if self.guest:
            clauses.append("guest_name LIKE ?")
            params.append(f"%{self.guest}%")
        if self.status:
            clauses.append("status = ?")
            params.append(self.status)
        return " AND ".join(clauses), params


@app.get("/venues/{venue_id}/reservations", response_model=List[Reservation])
def search_reservations(
    venue_id: int,
    day: date = Query(...),
    guest: Optional[str] = None,
    status: Optional[str] = None,
    conn: sqlite3.Connection = Depends(get_db),
):
    filt = ReservationFilter(venue_id, day, guest, status)
    where, params = filt.where_clause()
    sql = (
        "SELECT id, guest_name, party_size, slot, status FROM reservations "
        "WHERE " + where + " ORDER BY slot"
    )
    rows = conn.execute(sql, params).fetchall()
    return [Reservation(**dict(r)) for r in rows]


@app.post("/reservations/{res_id}/seat")
def seat_reservation(res_id: int, conn: sqlite3.Connection = Depends(get_db)):
    cur = conn.execute("UPDATE reservations SET status = 'seated' WHERE id = ?", (res_id,))
    conn.commit()
    if cur.rowcount == 0:
        raise HTTPException(status_code=404, detail="reservation not found")
    return {"ok": True}
