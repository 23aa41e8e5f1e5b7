"""Hygiene recall report API (Falcon).  The office manager uses it to build
call lists of patients overdue for cleanings and perio maintenance."""
import logging
import os
from contextlib import contextmanager

import falcon
import psycopg2
from psycopg2.extras import RealDictCursor
from psycopg2.pool import SimpleConnectionPool

log = logging.getLogger("recall_report")

SORT_COLUMNS = {
    "due_date": "r.due_date",
    "last_name": "p.last_name",
    "recall_type": "r.recall_type",
    "hygienist": "r.hygienist_code",
}


@contextmanager
def pooled(pool):
    conn = pool.getconn()
    try:
        yield conn
    finally:
        pool.putconn(conn)


class RecallQuery:
    BASE = (
        "SELECT p.id, p.last_name, p.first_name, p.mobile, r.due_date, r.recall_type, "
        "r.hygienist_code FROM recalls r JOIN patients p ON p.id = r.patient_id "
        "WHERE r.completed_at IS NULL"
    )

    def __init__(self, months: int, sort: str, direction: str, hygienist=None):
        self.months = months
        self.sort = SORT_COLUMNS.get(sort, "r.due_date")
        self.direction = "DESC" if direction == "DESC" else "ASC"
        self.hygienist = hygienist

    def sql(self):
        parts = [self.BASE, "AND r.due_date < now() - %s * interval '1 month'"]
        params = [self.months]
        if self.hygienist:
            parts.append("AND r.hygienist_code = %s")
            params.append(self.hygienist)
        parts.append(f"ORDER BY {self.sort} {self.direction} LIMIT 500")
        return " ".join(parts), params


class RecallReportResource:
    def __init__(self, pool):
        self.pool = pool

    def on_get(self, req, resp):
        query = RecallQuery(
            months=req.get_param_as_int("months", default=6, min_value=0, max_value=60),
            sort=req.get_param("sort", default="due_date"),
            direction="DESC" if req.get_param("dir") == "desc" else "ASC",
            hygienist=req.get_param("hygienist"),
        )
        sql, params = query.sql()
        with pooled(self.pool) as conn, conn.cursor(cursor_factory=RealDictCursor) as cur:
            cur.execute(sql, params)
            rows = cur.fetchall()
        for row in rows:
            row["due_date"] = row["due_date"].isoformat()
        resp.media = {"count": len(rows), "patients": rows}


def create_app() -> falcon.App:
    pool = SimpleConnectionPool(1, 5, dsn=os.environ["PRACTICE_PG_DSN"])
    app = falcon.App()
    app.add_route("/reports/recalls", RecallReportResource(pool))
    return app


app = create_app() if os.environ.get("PRACTICE_PG_DSN") else None
