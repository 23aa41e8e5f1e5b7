"""Public ancestor search for the genealogy society's parish-register database."""
import logging
import os
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, Query
from fastapi.responses import HTMLResponse
from mako.template import Template
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("genealogy.search")
engine = create_engine(os.environ["PARISH_DB_URL"], pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
app = FastAPI(title="parish-registers")

RESULTS_TEMPLATE = Template("""\
<html><body>
<h1>Baptisms for surname ${surname}</h1>
% if parish:
<p>Parish filter: ${parish}</p>
% endif
<table>
% for row in rows:
<tr><td>${row['given_name']}</td><td>${row['surname']}</td><td>${row['baptised_on']}</td><td>${row['parish']}</td></tr>
% endfor
</table>
</body></html>
""", default_filters=["str", "h"])


def get_session() -> Iterator[Session]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class BaptismQuery:
    def __init__(self, surname: str, parish: Optional[str], before: Optional[int]):
        self.surname = surname
        self.parish = parish
        self.before = before

    def sql(self):
        stmt = ("SELECT given_name, surname, baptised_on, parish FROM baptisms "
                "WHERE surname ILIKE :surname_prefix")
        params = {"surname_prefix": self.surname.replace("%", r"\%").replace("_", r"\_") + "%"}
        if self.parish:
            stmt += " AND parish = :parish"
            params["parish"] = self.parish
        if self.before:
            stmt += " AND EXTRACT(YEAR FROM baptised_on) < :before"
            params["before"] = self.before
        return stmt + " ORDER BY baptised_on LIMIT 500", params


@app.get("/baptisms", response_class=HTMLResponse)
def baptisms(
    surname: str = Query(..., min_length=2, max_length=60),
    parish: Optional[str] = Query(None, max_length=80),
    before: Optional[int] = Query(None, ge=1500, le=1950),
    db: Session = Depends(get_session),
):
    query = BaptismQuery(surname, parish, before)
    sql, params = query.sql()
    rows = db.execute(text(sql), params).mappings().all()
    log.info("baptism search surname=%r parish=%r hits=%d", surname, parish, len(rows))
    html = RESULTS_TEMPLATE.render(surname=surname, parish=parish, rows=rows)
    return HTMLResponse(html)
