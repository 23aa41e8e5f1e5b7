"""Moderation API: browse player conduct reports (Falcon + psycopg2)."""
import logging
import os

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("reports")

DSN = os.environ.get("REPORTS_DSN", "dbname=moderation user=mod_api host=db.internal")
SORT_COLUMNS = ("created_at", "severity", "reporter_id", "reported_id")


class ReportQuery:
    def __init__(self, params: dict):
        self.category = params.get("category")
        self.text = params.get("q", "")
        sort = params.get("sort", "created_at")
        self.sort = sort if sort in SORT_COLUMNS else "created_at"
        self.direction = "ASC" if params.get("dir") == "asc" else "DESC"
        self.page = max(int(params.get("page", 1)), 1)

    def to_sql(self):
        sql = ("SELECT id, reporter_id, reported_id, category, severity, summary, created_at "
               "FROM conduct_reports WHERE resolved = false")
        args = []
        if self.category:
            sql += " AND category = %s"
            args.append(self.category)
        if self.text:
            sql += " AND summary ILIKE %s"
            args.append(f"%{self.text}%")
        sql += " ORDER BY %s %s" % (self.sort, self.direction)
        sql += " LIMIT 50 OFFSET %d" % ((self.page - 1) * 50)
        return sql, args


class ReportsResource:
    def __init__(self):
        self.conn = psycopg2.connect(DSN, connect_timeout=5)

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        query = ReportQuery(req.params)
        sql, args = query.to_sql()
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, args)
            rows = cur.fetchall()
        for r in rows:
            r["created_at"] = r["created_at"].isoformat()
        resp.media = {"page": query.page, "reports": rows}


class ReportResource:
    def __init__(self, conn):
        self.conn = conn

    def on_post_resolve(self, req: falcon.Request, resp: falcon.Response, report_id: int) -> None:
        note = (req.get_media() or {}).get("note", "")
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE conduct_reports SET resolved = true, resolution_note = %s WHERE id = %s",
                (note, report_id),
            )
        self.conn.commit()
        resp.media = {"ok": True}


def create_app() -> falcon.App:
    app = falcon.App()
    reports = ReportsResource()
    app.add_route("/reports", reports)
    app.add_route("/reports/{report_id:int}/resolve", ReportResource(reports.conn), suffix="resolve")
    return app


app = create_app()
