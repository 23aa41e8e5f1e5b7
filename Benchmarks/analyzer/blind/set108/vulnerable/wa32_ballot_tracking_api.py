"""Mail-ballot tracking API: voters check their ballot's status by tracking
ID; election staff page through ballots by county with sorting."""
import logging
import sqlite3
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query

log = logging.getLogger("ballot_tracking")
logging.basicConfig(filename="/var/log/civic/ballot_tracking.log", level=logging.INFO)
app = FastAPI(title="Ballot tracking")

DB_PATH = "/var/lib/civic/ballots.db"
STATUS_TEXT = {
    "issued": "Ballot mailed to you",
    "received": "Ballot received by the elections office",
    "accepted": "Signature verified - ballot will be counted",
    "cured": "Signature issue resolved",
    "rejected": "Ballot could not be accepted - contact the elections office",
}


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def build_listing_sql(status: Optional[str], sort: str, direction: str) -> str:
    sql = "SELECT tracking_id, precinct, status, issued_at, received_at FROM ballots WHERE county = :county"
    if status:
        sql += " AND status = :status"
    sql += f" ORDER BY {sort} {direction} LIMIT :limit OFFSET :offset"
    return sql


@app.get("/ballots/{tracking_id}")
def ballot_status(tracking_id: str, user_agent: str = Header("unknown"), conn=Depends(get_conn)):
    client = user_agent[:120]
    log.info("tracking lookup id=%s client=%s", tracking_id, client)  # VULN flow
    row = conn.execute(
        "SELECT status, updated_at FROM ballots WHERE tracking_id = ?", (tracking_id,)
    ).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="tracking ID not found")
    return {"status": row["status"], "message": STATUS_TEXT.get(row["status"], ""), "updated_at": row["updated_at"]}


@app.get("/staff/counties/{county}/ballots")
def list_ballots(
    county: str,
    status: Optional[str] = None,
    sort: str = "received_at",
    direction: str = Query("desc"),
    page: int = Query(1, ge=1),
    conn=Depends(get_conn),
):
    sql = build_listing_sql(status, sort, direction)
    params = {"county": county, "status": status, "limit": 100, "offset": (page - 1) * 100}
    rows = conn.execute(sql, params).fetchall()  # VULN flow
    log.info("staff listing county=%r status=%r page=%d", county, status, page)
    return {"county": county, "page": page, "ballots": [dict(r) for r in rows]}
