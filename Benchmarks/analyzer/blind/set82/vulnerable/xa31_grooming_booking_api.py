"""Booking list API for the grooming salon's staff tablet app."""
import logging
import os
from datetime import date
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("bookings")

engine = create_engine(os.environ.get("SALON_DB_URL", "sqlite:///salon.db"), pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
app = FastAPI(title="Salon bookings")

BASE_QUERY = (
    "SELECT b.id, p.name AS pet_name, p.breed, b.groomer, b.service, b.start_time, b.status "
    "FROM bookings b JOIN pets p ON p.id = b.pet_id"
)


def get_session():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class BookingFilter:
    def __init__(self, groomer: Optional[str], day: Optional[date], status: Optional[str]):
        self.groomer = groomer
        self.day = day
        self.status = status

    def where(self) -> str:
        clauses = []
        if self.groomer:
            clauses.append(f"b.groomer = '{self.groomer}'")
        if self.day:
            clauses.append(f"date(b.start_time) = '{self.day.isoformat()}'")
        if self.status:
            clauses.append(f"b.status = '{self.status}'")
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""


@app.get("/bookings")
def list_bookings(
    groomer: Optional[str] = None,
    day: Optional[date] = None,
    status: Optional[str] = None,
    sort: str = Query("start_time"),
    direction: str = Query("asc"),
    db: Session = Depends(get_session),
):
    filters = BookingFilter(groomer, day, status)
    sql = BASE_QUERY + filters.where() + f" ORDER BY {sort} {direction} LIMIT 200"
    rows = db.execute(text(sql)).mappings().all()  # VULN flow
    return {"count": len(rows), "bookings": [dict(r) for r in rows]}


@app.get("/bookings/{booking_id}")
def get_booking(booking_id: int, db: Session = Depends(get_session)):
    row = db.execute(text(BASE_QUERY + " WHERE b.id = :id"), {"id": booking_id}).mappings().first()
    if row is None:
        raise HTTPException(status_code=404, detail="booking not found")
    return dict(row)


@app.post("/bookings/{booking_id}/checkin")
def check_in(booking_id: int, db: Session = Depends(get_session)):
    result = db.execute(
        text("UPDATE bookings SET status = 'checked_in' WHERE id = :id AND status = 'booked'"),
        {"id": booking_id},
    )
    db.commit()
    if result.rowcount == 0:
        raise HTTPException(status_code=409, detail="booking not in booked state")
    log.info("booking %d checked in", booking_id)
    return {"id": booking_id, "status": "checked_in"}
