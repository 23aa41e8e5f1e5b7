"""Public appointment-slot search for the telemedicine booking widget."""
import logging
from datetime import date, timedelta
from typing import List, Optional

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("slots")
engine = create_engine("postgresql+psycopg2:///scheduling", pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
app = FastAPI()


class Slot(BaseModel):
    slot_id: int
    clinician: str
    specialty: str
    starts_at: str
    visit_type: str
    languages: List[str]


def get_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


class SlotQuery:
    def __init__(self, specialty: str, language: Optional[str], state: str, days: int):
        self.specialty = specialty
        self.language = language
        self.state = state
        self.until = date.today() + timedelta(days=days)

    def to_sql(self) -> str:
        sql = (
            "SELECT s.id, c.display_name, c.specialty, s.starts_at, s.visit_type, c.languages "
            "FROM slots s JOIN clinicians c ON c.id = s.clinician_id "
            "WHERE s.booked = false AND s.starts_at < :until "
        )
        sql += "AND c.specialty = :specialty "
        sql += "AND :state = ANY(c.licensed_states) "
        if self.language:
            sql += "AND :language = ANY(c.languages) "
        return sql + "ORDER BY s.starts_at LIMIT 100"

    def params(self) -> dict:
        return {"until": self.until, "specialty": self.specialty,
                "state": self.state, "language": self.language}


@app.get("/slots", response_model=List[Slot])
def search_slots(
    specialty: str = Query(..., max_length=64),
    state: str = Query(..., min_length=2, max_length=2),
    language: Optional[str] = Query(None, max_length=32),
    days: int = Query(14, ge=1, le=60),
    db: Session = Depends(get_session),
):
    log.info("slot search specialty=%r state=%r language=%r", specialty, state, language)
    query = SlotQuery(specialty, language, state.upper(), days)
    rows = db.execute(text(query.to_sql()), query.params()).fetchall()
    return [
        Slot(slot_id=r[0], clinician=r[1], specialty=r[2], starts_at=r[3].isoformat(),
             visit_type=r[4], languages=list(r[5] or []))
        for r in rows
    ]
