"""Course section search API used by the registration front end."""
import logging
import os
import sqlite3
from typing import List, Optional, Tuple

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("registration.search")
app = FastAPI(title="Course Search")

DB_PATH = os.environ.get("REGISTRATION_DB", "/var/lib/registration/catalog.sqlite3")


class Section(BaseModel):
    crn: str
    dept_code: str
    number: str
    title: str
    instructor: Optional[str] = None
    enrolled: int
    capacity: int


class CourseFilter:
    """Collects the optional search criteria sent by the UI."""

    def __init__(self, term: str, dept: Optional[str] = None,
                 keyword: Optional[str] = None, open_only: bool = False):
        self.term = term
        self.dept = dept
        self.keyword = keyword
        self.open_only = open_only

    def where_clause(self) -> Tuple[str, list]:
        parts = ["term = ?"]
        params: list = [self.term]
        if self.dept:
            parts.append("dept_code = ?")
            params.append(self.dept.upper())
        if self.keyword:
            parts.append("(title LIKE ? OR instructor LIKE ?)")
            like = f"%{self.keyword}%"
            params.extend([like, like])
        if self.open_only:
            parts.append("enrolled < capacity")
        return " AND ".join(parts), params


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def run_search(conn: sqlite3.Connection, flt: CourseFilter, limit: int) -> List[sqlite3.Row]:
    clause, params = flt.where_clause()
    sql = (
        "SELECT crn, dept_code, number, title, instructor, enrolled, capacity "
        "FROM sections WHERE " + clause +
        " ORDER BY dept_code, number LIMIT ?"
    )
    return conn.execute(sql, (*params, limit)).fetchall()


@app.get("/sections", response_model=List[Section])
def search_sections(
    term: str = Query(..., min_length=4, max_length=16),
    dept: Optional[str] = None,
    q: Optional[str] = Query(None, max_length=80),
    open_only: bool = False,
    limit: int = Query(50, ge=1, le=200),
    conn: sqlite3.Connection = Depends(get_conn),
):
    flt = CourseFilter(term, dept=dept, keyword=q, open_only=open_only)
    try:
        rows = run_search(conn, flt, limit)
    except sqlite3.Error:
        log.exception("section search failed")
        raise HTTPException(status_code=500, detail="search failed")
    return [Section(**dict(r)) for r in rows]


@app.get("/sections/{crn}", response_model=Section)
def get_section(crn: str, conn: sqlite3.Connection = Depends(get_conn)):
    row = conn.execute(
        "SELECT crn, dept_code, number, title, instructor, enrolled, capacity "
        "FROM sections WHERE crn = ?",
        (crn,),
    ).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="section not found")
    return Section(**dict(row))
