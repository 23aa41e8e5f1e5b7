"""Audit event search endpoint for the compliance console."""
import logging
import os
from contextlib import contextmanager
from typing import Optional

import psycopg2
import psycopg2.extras
from fastapi import Depends, FastAPI, HTTPException, Query

from console.auth import Principal, require_auditor

log = logging.getLogger(__name__)
app = FastAPI(title="audit-search")

DSN = os.environ.get("AUDIT_DB_DSN", "dbname=audit")
MAX_LIMIT = 500


@contextmanager
def get_cursor():
    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
    finally:
        conn.close()


class AuditQuery:
    """Collects the filters for one search and renders them to SQL."""

    def __init__(self, tenant_id: str, filters: dict, since: Optional[str], limit: int):
        self.tenant_id = tenant_id
        self.filters = filters
        self.since = since
        self.limit = max(1, min(int(limit), MAX_LIMIT))

    def where_clause(self) -> str:
        parts = [f"tenant_id = '{self.tenant_id}'"]
        for column, value in self.filters.items():
            parts.append(f"{column} = '{value}'")
        if self.since:
            parts.append(f"created_at >= '{self.since}'")
        return " AND ".join(parts)

    def to_sql(self) -> str:
        return (
            "SELECT id, actor, action, resource, ip_address, created_at "
            f"FROM audit_events WHERE {self.where_clause()} "
            f"ORDER BY created_at DESC LIMIT {self.limit}"
        )


@app.get("/v1/audit/events")
def search_events(
    actor: Optional[str] = None,
    action: Optional[str] = None,
    resource: Optional[str] = None,
    since: Optional[str] = Query(None, description="ISO-8601 lower bound"),
    limit: int = 100,
    principal: Principal = Depends(require_auditor),
):
    filters = {"actor": actor, "action": action, "resource": resource}
    query = AuditQuery(
        principal.tenant_id,
        {k: v for k, v in filters.items() if v},
        since,
        limit,
    )
    sql = query.to_sql()
    try:
        with get_cursor() as cur:
            cur.execute(sql)  # VULN flow
            rows = cur.fetchall()
    except psycopg2.Error:
        log.exception("audit search failed")
        raise HTTPException(status_code=500, detail="search failed")
    return {"count": len(rows), "events": rows}
