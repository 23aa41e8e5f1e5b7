"""Event ingestion and query API for the analytics backend."""
import json
import logging
import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Optional

import psycopg2
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

log = logging.getLogger("ingest")
app = FastAPI(title="events")

DSN = os.environ.get("EVENTS_DSN", "dbname=events")
PROP_KEY = re.compile(r"^[A-Za-z0-9_.$-]{1,64}$")


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


def build_where(project_id: int, event: Optional[str], props: dict) -> tuple[str, list]:
    clauses = ["project_id = %s"]
    params: list = [int(project_id)]
    if event:
        clauses.append("event_name = %s")
        params.append(event)
    for key, value in props.items():
        if not PROP_KEY.match(key):
            raise HTTPException(status_code=400, detail="bad property name")
        clauses.append("properties->>%s = %s")
        params.extend([key, value])
    return " AND ".join(clauses), params


@app.get("/v1/projects/{project_id}/events/count")
def count_events(project_id: int, request: Request, event: Optional[str] = None):
    props = {
        name[len("prop."):]: value
        for name, value in request.query_params.items()
        if name.startswith("prop.")
    }
    where, params = build_where(project_id, event, props)
    sql = "SELECT count(*) FROM events WHERE " + where
    try:
        with get_conn() as conn, conn.cursor() as cur:
            cur.execute(sql, params)
            (total,) = cur.fetchone()
    except psycopg2.Error as exc:
        log.error("count query failed: %r", exc.pgerror)
        raise HTTPException(status_code=400, detail="bad filter")
    return {"event": event, "count": total}
