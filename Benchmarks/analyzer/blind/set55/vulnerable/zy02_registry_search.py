"""Search endpoint for the internal model registry."""
import sqlite3
from contextlib import closing
from typing import Optional

from fastapi import FastAPI, HTTPException, Query

DB_PATH = "/var/lib/registry/registry.db"

app = FastAPI(title="model-registry")


class VersionRepository:
    """Thin data-access layer over the model_versions table."""

    def __init__(self, db_path: str):
        self.db_path = db_path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path)
        conn.row_factory = sqlite3.Row
        return conn

    @staticmethod
    def _where(filters: dict) -> str:
        parts = []
        for column, value in filters.items():
            if value is None:
                continue
            parts.append(f"{column} = '{value}'")
        return " AND ".join(parts) if parts else "1 = 1"

    def search(self, filters: dict, order_by: str, limit: int):
        sql = (
            "SELECT name, version, stage, owner, created_at FROM model_versions "
            f"WHERE {self._where(filters)} ORDER BY {order_by} LIMIT {int(limit)}"
        )
        with closing(self._connect()) as conn:
            rows = conn.execute(sql).fetchall()  # VULN flow
        return [dict(r) for r in rows]

    def latest(self, name: str):
        with closing(self._connect()) as conn:
            row = conn.execute(
                "SELECT name, version, stage FROM model_versions WHERE name = ? "
                "ORDER BY created_at DESC LIMIT 1",
                (name,),
            ).fetchone()
        return dict(row) if row else None


repo = VersionRepository(DB_PATH)


@app.get("/versions")
def list_versions(
    name: Optional[str] = None,
    stage: Optional[str] = None,
    owner: Optional[str] = None,
    order_by: str = Query("created_at DESC"),
    limit: int = Query(50, le=500),
):
    filters = {"name": name, "stage": stage, "owner": owner}
    try:
        return repo.search(filters, order_by, limit)
    except sqlite3.Error as exc:
        raise HTTPException(status_code=400, detail=str(exc))


@app.get("/models/{name}/latest")
def latest_version(name: str):
    found = repo.latest(name)
    if found is None:
        raise HTTPException(status_code=404, detail="unknown model")
    return found
