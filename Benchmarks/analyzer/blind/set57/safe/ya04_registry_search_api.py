"""Search API for the internal package registry."""
import sqlite3
from contextlib import closing
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

DB_PATH = "/var/lib/registry/index.db"
app = FastAPI(title="registry-search")

SORT_COLUMNS = {
    "downloads": "p.downloads",
    "name": "p.name",
    "updated": "p.updated_at",
}


class PackageHit(BaseModel):
    name: str
    version: str
    downloads: int
    summary: Optional[str] = None


class PackageIndex:
    def __init__(self, path: str):
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def search(self, term: str, classifier: Optional[str], sort: str, limit: int):
        where = ["p.name LIKE ?"]
        params: list = [f"%{term}%"]
        if classifier:
            where.append(
                "p.id IN (SELECT package_id FROM classifiers "
                "WHERE value = ?)"
            )
            params.append(classifier)
        order_col = SORT_COLUMNS.get(sort, "p.downloads")
        params.append(int(limit))
        sql = (
            "SELECT p.name, r.version, p.downloads, p.summary "
            "FROM packages p JOIN releases r ON r.package_id = p.id AND r.latest = 1 "
            "WHERE " + " AND ".join(where) + f" ORDER BY {order_col} DESC LIMIT ?"
        )
        with closing(self._connect()) as conn:
            return conn.execute(sql, params).fetchall()

    def versions(self, name: str) -> List[str]:
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT r.version FROM releases r JOIN packages p ON p.id = r.package_id "
                "WHERE p.name = ? ORDER BY r.uploaded_at DESC",
                (name,),
            ).fetchall()
        return [r["version"] for r in rows]


index = PackageIndex(DB_PATH)


@app.get("/api/search", response_model=List[PackageHit])
def search(
    q: str = Query(..., min_length=2),
    classifier: Optional[str] = None,
    sort: str = "downloads",
    limit: int = Query(20, ge=1, le=100),
):
    rows = index.search(q, classifier, sort, limit)
    return [PackageHit(**dict(r)) for r in rows]


@app.get("/api/packages/{name}/versions")
def versions(name: str):
    found = index.versions(name)
    if not found:
        raise HTTPException(status_code=404, detail="no such package")
    return {"name": name, "versions": found}
