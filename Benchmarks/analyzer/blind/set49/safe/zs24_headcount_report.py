"""Headcount and compensation summary API for the finance dashboard."""
import os
import sqlite3
from contextlib import closing
from typing import List, Optional, Tuple

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="Headcount reports")
DB_PATH = os.environ.get("REPORTING_DB", "/srv/reporting/replica.db")

BASE_SQL = (
    "SELECT department, location, COUNT(*) AS headcount, "
    "ROUND(AVG(base_salary), 2) AS avg_salary, SUM(base_salary) AS total_salary "
    "FROM employees WHERE active = 1"
)
SORT_COLUMNS = {
    "department": "department",
    "location": "location",
    "headcount": "headcount",
    "avg_salary": "avg_salary",
    "total_salary": "total_salary",
}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def build_query(department: Optional[str], location: Optional[str],
                sort: str, direction: str) -> Tuple[str, List]:
    sql = BASE_SQL
    params: List = []
    if department:
        sql += " AND department = ?"
        params.append(department)
    if location:
        sql += " AND location = ?"
        params.append(location)
    sql += " GROUP BY department, location"
    sql += f" ORDER BY {SORT_COLUMNS[sort]} {DIRECTIONS[direction.lower()]}"
    return sql, params


@app.get("/reports/headcount")
def headcount_report(
    department: Optional[str] = None,
    location: Optional[str] = None,
    sort: str = Query("department", max_length=64),
    direction: str = Query("asc", max_length=4),
    limit: int = Query(100, ge=1, le=1000),
):
    if sort not in SORT_COLUMNS or direction.lower() not in DIRECTIONS:
        raise HTTPException(status_code=400, detail="invalid sort")
    query, params = build_query(department, location, sort, direction)
    query += " LIMIT ?"
    params.append(limit)
    try:
        with closing(get_conn()) as conn:
            rows = conn.execute(query, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return {
        "rows": [dict(r) for r in rows],
        "total_headcount": sum(r["headcount"] for r in rows),
    }
