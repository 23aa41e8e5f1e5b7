"""Event ingestion and query API for the analytics backend."""
import json
import logging
import os
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Optional

import psycopg2
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

log = logging.getLogger("ingest")
app = FastAPI(title="events")

DSN = os.environ.get("EVENTS_DSN", "dbname=events")


class Event(BaseModel):
    event: str
    distinct_id: str
    properties: dict = {}
    timestamp: Optional[datetime] = None


@contextmanager
def get_conn():
    conn = psycopg2.connect(DSN)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


@app.post("/v1/projects/{project_id}/events")
def ingest(project_id: int, batch: list[Event]):
    rows = [
        (project_id, e.event, e.distinct_id, json.dumps(e.properties),
         e.timestamp or datetime.now(timezone.utc))
        for e in batch
    ]
    with get_conn() as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO events (project_id, event_name, distinct_id, properties, ts) "
            "VALUES (%s, %s, %s, %s, %s)",
            rows,
        )
    return {"accepted": len(rows)}


def build_where(project_id: int, event: Optional[str], props: dict) -> str:
    clauses = [f"project_id = {int(project_id)}"]
    if event:
        clauses.append(f"event_name = '{event}'")
    for key, value in props.items():
        clauses.append(f"properties->>'{key}' = '{value}'")
    return " AND ".join(clauses)


@app.get("/v1/projects/{project_id}/events/count")
def count_events(project_id: int, request: Request, event: Optional[str] = None):
    props = {
        name[len("prop."):]: value
        for name, value in request.query_params.items()
        if name.startswith("prop.")
    }
    sql = "SELECT count(*) FROM events WHERE " + build_where(project_id, event, props)
    try:
        with get_conn() as conn, conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            (total,) = cur.fetchone()
    except psycopg2.Error as exc:
        log.error("count query failed: %r", exc.pgerror)
        raise HTTPException(status_code=400, detail="bad filter")
    return {"event": event, "count": total}
