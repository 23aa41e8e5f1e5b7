"""Collection catalogue search API used by the public website."""
import sqlite3
from typing import Optional

from fastapi import Depends, FastAPI, Query

app = FastAPI(title="Catalogue search")
DB_PATH = "/srv/catalogue/collection.db"
PAGE_SIZE = 25


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class SearchQuery:
    """Turns query-string parameters into a WHERE / ORDER BY pair."""

    def __init__(self, text, collection, date_from, date_to, sort, order):
        self.text = text
        self.collection = collection
        self.date_from = date_from
        self.date_to = date_to
        self.sort = sort or "title"
        self.order = order or "asc"

    def where(self):
        clauses, params = ["published = 1"], []
        if self.text:
            clauses.append("(title LIKE ? OR description LIKE ? OR maker LIKE ?)")
            params += [f"%{self.text}%"] * 3
        if self.collection:
            clauses.append(f"collection_code = '{self.collection}'")
        if self.date_from is not None:
            clauses.append("date_latest >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append("date_earliest <= ?")
            params.append(self.date_to)
        return " AND ".join(clauses), params

    def order_by(self):
        direction = "DESC" if self.order.lower() == "desc" else "ASC"
        return f"{self.sort} {direction}"


@app.get("/search")
def search(
    q: Optional[str] = None,
    collection: Optional[str] = None,
    date_from: Optional[int] = None,
    date_to: Optional[int] = None,
    sort: str = "title",
    order: str = "asc",
    page: int = Query(1, ge=1, le=400),
    db: sqlite3.Connection = Depends(get_db),
):
    query = SearchQuery(q, collection, date_from, date_to, sort, order)
    where, params = query.where()
    sql = (
        "SELECT object_number, title, maker, date_display, thumbnail_url "
        f"FROM objects WHERE {where} ORDER BY {query.order_by()} "
        "LIMIT ? OFFSET ?"
    )
    params += [PAGE_SIZE, (page - 1) * PAGE_SIZE]
    rows = db.execute(sql, params).fetchall()  # VULN flow
    return {"page": page, "count": len(rows), "results": [dict(r) for r in rows]}


@app.get("/collections")
def collections(db: sqlite3.Connection = Depends(get_db)):
    rows = db.execute(
        "SELECT code, name, COUNT(*) AS n FROM collections c "
        "JOIN objects o ON o.collection_code = c.code GROUP BY code, name"
    ).fetchall()
    return [dict(r) for r in rows]
