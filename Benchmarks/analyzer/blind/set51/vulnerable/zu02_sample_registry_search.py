"""Search API for the biobank sample registry."""
import sqlite3
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query

DB_PATH = "/var/lib/biobank/registry.db"
app = FastAPI(title="Sample registry")


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


class SampleQuery:
    """Collects optional filters from the search form and renders SQL."""

    def __init__(self, filters: dict, sort: str, limit: int):
        self.filters = {k: v for k, v in filters.items() if v}
        self.sort = sort
        self.limit = limit

    def to_sql(self) -> str:
        sql = "SELECT id, label, species, tissue, freezer, collected_on FROM samples"
        where = [f"{col} = '{val}'" for col, val in self.filters.items()]
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {self.sort} LIMIT {int(self.limit)}"
        return sql


@app.get("/samples")
def search_samples(
    species: Optional[str] = None,
    tissue: Optional[str] = None,
    freezer: Optional[str] = None,
    collected_by: Optional[str] = None,
    sort: str = "collected_on",
    limit: int = Query(50, ge=1, le=500),
    conn: sqlite3.Connection = Depends(get_conn),
):
    q = SampleQuery(
        {
            "species": species,
            "tissue": tissue,
            "freezer": freezer,
            "collected_by": collected_by,
        },
        sort,
        limit,
    )
    sql = q.to_sql()
    try:
        rows = conn.execute(sql).fetchall()  # VULN flow
    except sqlite3.Error as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return [dict(r) for r in rows]


@app.get("/samples/{sample_id}")
def get_sample(sample_id: int, conn: sqlite3.Connection = Depends(get_conn)):
    row = conn.execute("SELECT * FROM samples WHERE id = ?", (sample_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="not found")
    return dict(row)
