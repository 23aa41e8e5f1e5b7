"""Read API over the raw samples table for ad-hoc dashboards."""
import os
from typing import Optional

import psycopg2
import psycopg2.extras
from fastapi import Depends, FastAPI, HTTPException, Query

app = FastAPI(title="metrics-query")
DSN = os.environ["METRICS_DSN"]
SORT_COLUMNS = {"ts": "ts", "value": "value", "host": "host", "metric": "metric"}


def get_conn():
    conn = psycopg2.connect(DSN, connect_timeout=5)
    try:
        yield conn
    finally:
        conn.close()


class SampleQuery:
    def __init__(self, metric: str, host: Optional[str], sort: str, direction: str, limit: int):
        if sort not in SORT_COLUMNS:
            raise HTTPException(status_code=400, detail="unsupported sort column")
        self.metric = metric
        self.host = host
        self.sort = SORT_COLUMNS[sort]
        self.direction = "ASC" if direction.lower() == "asc" else "DESC"
        self.limit = limit

    def sql(self) -> str:
        clauses = ["metric = %(metric)s"]
        if self.host:
            clauses.append("host = %(host)s")
        return (
            "SELECT host, metric, value, ts FROM samples "
            f"WHERE {' AND '.join(clauses)} "
            f"ORDER BY {self.sort} {self.direction} LIMIT %(limit)s"
        )

    def params(self) -> dict:
        return {"metric": self.metric, "host": self.host, "limit": self.limit}


@app.get("/samples")
def samples(
    metric: str,
    host: Optional[str] = None,
    sort: str = "ts",
    direction: str = "desc",
    limit: int = Query(100, ge=1, le=5000),
    conn=Depends(get_conn),
):
    q = SampleQuery(metric, host, sort, direction, limit)
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(q.sql(), q.params())
        rows = cur.fetchall()
    return {"count": len(rows), "rows": rows}


@app.get("/metrics/names")
def metric_names(prefix: str = "", conn=Depends(get_conn)):
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT metric FROM samples WHERE metric LIKE %s ORDER BY 1 LIMIT 200", (prefix + "%",))
        return [r[0] for r in cur.fetchall()]
