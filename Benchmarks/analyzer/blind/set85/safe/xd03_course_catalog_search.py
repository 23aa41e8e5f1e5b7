"""Public course catalogue search for the MOOC front page."""
import sqlite3
from contextlib import closing
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, Query

app = FastAPI(title="catalog")
DB_PATH = "/var/lib/mooc/catalog.db"

SORT_COLUMNS = {
    "rating": "c.rating",
    "newest": "c.created_at",
    "title": "c.title",
    "popular": "c.enrollment_count",
}


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


def build_query(f: CatalogFilters) -> tuple[str, list]:
    clauses = ["c.published = 1"]
    params: list = []
    if f.q:
        term = f.q.strip()
        clauses.append("(c.title LIKE ? OR c.summary LIKE ?)")
        params.extend([f"%{term}%", f"%{term}%"])
    if f.level:
        clauses.append("c.level = ?")
        params.append(f.level)
    if f.language:
        clauses.append("c.language = ?")
        params.append(f.language)
    sql = (
        "SELECT c.id, c.slug, c.title, c.level, c.rating, i.display_name AS instructor "
        "FROM courses c JOIN instructors i ON i.id = c.instructor_id WHERE "
    )
    sql += " AND ".join(clauses)
    order = SORT_COLUMNS.get(f.sort, "c.rating")
    sql += f" ORDER BY {order} DESC LIMIT 20 OFFSET ?"
    params.append((f.page - 1) * 20)
    return sql, params


@app.get("/catalog/search")
def search(filters: CatalogFilters = Depends(), conn: sqlite3.Connection = Depends(get_conn)):
    sql, params = build_query(filters)
    with closing(conn.cursor()) as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    return {"page": filters.page, "count": len(rows), "results": [dict(r) for r in rows]}
