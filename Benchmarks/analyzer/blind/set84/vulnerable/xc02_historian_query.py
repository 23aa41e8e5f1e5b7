"""Read-only query API over the pipeline SCADA historian.

Serves raw and bucketed samples for a tag to the engineering dashboards.
"""
import os
from datetime import datetime
from typing import Optional

import psycopg2
import psycopg2.extras
from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="historian-query")

DSN = os.environ.get("HISTORIAN_DSN", "dbname=historian user=hist_ro host=localhost")
AGGREGATES = {"avg": "AVG", "min": "MIN", "max": "MAX"}


def get_conn():
    return psycopg2.connect(DSN)


class TagFilter:
    """Builds the WHERE part of historian queries for a single tag."""

    def __init__(self, tag: str, start: Optional[datetime], end: Optional[datetime],
                 quality: Optional[str]):
        self.tag = tag
        self.start = start
        self.end = end
        self.quality = quality

    def where_clause(self) -> str:
        clauses = [f"tag_name = '{self.tag}'"]
        if self.start:
            clauses.append(f"ts >= '{self.start.isoformat()}'")
        if self.end:
            clauses.append(f"ts < '{self.end.isoformat()}'")
        if self.quality:
            clauses.append(f"quality = '{self.quality}'")
        return " AND ".join(clauses)


def fetch(sql: str):
    with get_conn() as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql)  # VULN flow
            return cur.fetchall()


@app.get("/tags/{tag}/samples")
def samples(tag: str, start: Optional[datetime] = None, end: Optional[datetime] = None,
            quality: Optional[str] = None, limit: int = Query(1000, ge=1, le=10000)):
    flt = TagFilter(tag, start, end, quality)
    sql = ("SELECT ts, value, quality FROM historian_samples WHERE "
           + flt.where_clause() + f" ORDER BY ts LIMIT {limit}")
    rows = fetch(sql)
    if not rows:
        raise HTTPException(status_code=404, detail="no samples in range")
    return {"tag": tag, "count": len(rows), "samples": rows}


@app.get("/tags/{tag}/aggregate")
def aggregate(tag: str, fn: str = "avg", bucket: str = "1 hour",
              start: Optional[datetime] = None, end: Optional[datetime] = None):
    if fn not in AGGREGATES:
        raise HTTPException(status_code=400, detail="unsupported aggregate")
    flt = TagFilter(tag, start, end, None)
    sql = (
        f"SELECT time_bucket('{bucket}', ts) AS bucket, {AGGREGATES[fn]}(value) AS value "
        f"FROM historian_samples WHERE {flt.where_clause()} GROUP BY 1 ORDER BY 1"
    )
    return {"tag": tag, "fn": fn, "bucket": bucket, "rows": fetch(sql)}
