"""Docket search API for the court e-filing front office."""
import logging
import sqlite3
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query

log = logging.getLogger("docket_search")
app = FastAPI(title="Docket Search")

DB_PATH = "/var/lib/efiling/dockets.db"
DEFAULT_SORT = "-filed_at"
SORT_COLUMNS = {
    "filed_at": "filed_at ASC",
    "-filed_at": "filed_at DESC",
    "case_number": "case_number ASC",
    "-case_number": "case_number DESC",
    "status": "status ASC",
}


class DocketRepository:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row

    def _where(self, court: str, party: Optional[str], case_type: Optional[str]):
        clauses = ["court_code = ?"]
        params = [court]
        if case_type:
            clauses.append("case_type = ?")
            params.append(case_type)
        if party:
            clauses.append("party_names LIKE ?")
            params.append("%" + party + "%")
        return " AND ".join(clauses), params

    def search(self, court, party=None, case_type=None, sort=DEFAULT_SORT, limit=50):
        where, params = self._where(court, party, case_type)
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS[DEFAULT_SORT])
        sql = (
            "SELECT case_number, caption, case_type, filed_at, status "
            "FROM dockets WHERE " + where + " ORDER BY " + order + " LIMIT ?"
        )
        params.append(limit)
        rows = self.conn.execute(sql, params).fetchall()
        return [dict(r) for r in rows]


def get_repo() -> DocketRepository:
    return DocketRepository()


@app.get("/courts/{court}/dockets")
def search_dockets(
    court: str,
    party: Optional[str] = None,
    case_type: Optional[str] = None,
    sort: str = Query(DEFAULT_SORT),
    limit: int = Query(50, ge=1, le=200),
    repo: DocketRepository = Depends(get_repo),
):
    try:
        results = repo.search(court, party, case_type, sort, limit)
    except sqlite3.Error as exc:
        log.error("docket search failed for court=%r: %r", court, str(exc))
        raise HTTPException(status_code=500, detail="search failed")
    return {"court": court, "count": len(results), "results": results}
