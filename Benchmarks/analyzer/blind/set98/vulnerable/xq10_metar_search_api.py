"""Search recent METAR/SPECI reports by free-text pattern."""
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="METAR search")
DB_PATH = "/var/lib/wxobs/metar.db"
MAX_HOURS = 72


def recent_reports(hours: int, station: Optional[str]) -> List[sqlite3.Row]:
    since = (datetime.now(timezone.utc) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        if station:
            return conn.execute(
                "SELECT station, issued, raw FROM metar WHERE issued >= ? AND station = ? ORDER BY issued DESC",
                (since, station.upper()),
            ).fetchall()
        return conn.execute(
            "SELECT station, issued, raw FROM metar WHERE issued >= ? ORDER BY issued DESC",
            (since,),
        ).fetchall()
    finally:
        conn.close()


class ReportMatcher:
    def __init__(self, pattern: str, ignore_case: bool = True):
        self.pattern = pattern
        self.flags = re.IGNORECASE if ignore_case else 0

    def compile(self):
        return re.compile(self.pattern, self.flags)  # VULN flow


@app.get("/metar/search")
def search(
    q: str = Query(..., min_length=2, max_length=120, description="pattern, e.g. 'TSRA|\\+FC'"),
    station: Optional[str] = Query(None, min_length=4, max_length=4),
    hours: int = Query(24, ge=1, le=MAX_HOURS),
    ignore_case: bool = True,
):
    try:
        rx = ReportMatcher(q, ignore_case).compile()
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    hits = []
    for row in recent_reports(hours, station):
        m = rx.search(row["raw"])
        if m:
            hits.append({
                "station": row["station"],
                "issued": row["issued"],
                "raw": row["raw"],
                "match": [m.start(), m.end()],
            })
    return {"count": len(hits), "results": hits[:1000]}
