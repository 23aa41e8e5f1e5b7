import sqlite3
from typing import List, Optional, Tuple

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

DB_PATH = "/var/lib/wxnet/observations.db"
VARIABLES = ("temp_c", "dewpoint_c", "wind_kt", "gust_kt", "pressure_hpa", "precip_mm")

app = FastAPI(title="Station readings")


class Reading(BaseModel):
    observed_at: str
    value: Optional[float]


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


class ReadingFilter:
    """Collects the optional filters for a readings query."""

    def __init__(self, station: str, start: Optional[str] = None,
                 end: Optional[str] = None, qc: Optional[str] = None):
        self.station = station
        self.start = start
        self.end = end
        self.qc = qc

    def where_clause(self) -> Tuple[str, list]:
        clauses = ["station_id = ?"]
        params = [self.station]
        if self.start:
            clauses.append("observed_at >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("observed_at < ?")
            params.append(self.end)
        if self.qc:
            clauses.append("qc_flag = ?")
            params.append(self.qc)
        return " AND ".join(clauses), params


@app.get("/stations/{station_id}/readings", response_model=List[Reading])
def readings(
    station_id: str,
    start: Optional[str] = None,
    end: Optional[str] = None,
    qc: Optional[str] = Query(None, description="QC flag, e.g. 'ok' or 'suspect'"),
    variable: str = "temp_c",
    limit: int = Query(500, le=5000),
):
    if variable not in VARIABLES:
        raise HTTPException(status_code=400, detail="unknown variable")

    flt = ReadingFilter(station_id.upper(), start, end, qc)
    where, params = flt.where_clause()
    sql = (
        f"SELECT observed_at, {variable} AS value FROM readings "
        f"WHERE {where} ORDER BY observed_at DESC LIMIT ?"
    )
    with get_conn() as conn:
        rows = conn.execute(sql, (*params, int(limit))).fetchall()
    if not rows:
        raise HTTPException(status_code=404, detail="no readings")
    return [Reading(observed_at=r["observed_at"], value=r["value"]) for r in rows]


@app.get("/stations")
def stations(active: bool = True):
    with get_conn() as conn:
        rows = conn.execute(
            "SELECT station_id, name, lat, lon FROM stations WHERE active = ?", (int(active),)
        ).fetchall()
    return [dict(r) for r in rows]
