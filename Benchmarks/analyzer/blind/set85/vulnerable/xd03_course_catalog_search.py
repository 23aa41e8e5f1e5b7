"""Public course catalogue search for the MOOC front page."""
import sqlite3
from contextlib import closing
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, Query

app = FastAPI(title="catalog")
DB_PATH = "/var/lib/mooc/catalog.db"


def get_conn() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class CatalogFilters:
    def __init__(
        self,
        q: Optional[str] = Query(None, max_length=100),
        level: Optional[str] = None,
        language: Optional[str] = None,
        sort: str = "rating",
        page: int = Query(1, ge=1),
    ):
        self.q = q
        self.level = level
        self.language = language
        self.sort = sort
        self.page = page


def build_query(f: CatalogFilters) -> str:
    clauses = ["c.published = 1"]
    if f.q:
        term = f.q.strip()
        clauses.append(f"(c.title LIKE '%{term}%' OR c.summary LIKE '%{term}%')")
    if f.level:
        clauses.append(f"c.level = '{f.level}'")
    if f.language:
        clauses.append(f"c.language = '{f.language}'")
    sql = (
        "SELECT c.id, c.slug, c.title, c.level, c.rating, i.display_name AS instructor "
        "FROM courses c JOIN instructors i ON i.id = c.instructor_id WHERE "
    )
    sql += " AND ".join(clauses)
    offset = (f.page - 1) * 20
    sql += f" ORDER BY c.{f.sort} DESC LIMIT 20 OFFSET {offset}"
    return sql


@app.get("/catalog/search")
def search(filters: CatalogFilters = Depends(), conn: sqlite3.Connection = Depends(get_conn)):
    sql = build_query(filters)
    with closing(conn.cursor()) as cur:
        cur.execute(sql)  # VULN flow
        rows = cur.fetchall()
    return {"page": filters.page, "count": len(rows), "results": [dict(r) for r in rows]}
