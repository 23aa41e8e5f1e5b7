"""Falcon API for the analytics team: ad-hoc report rows and full table exports."""
import json
import logging
import os
import subprocess
import uuid

import falcon
import psycopg2
from psycopg2 import sql as pgsql

log = logging.getLogger("reports")

DSN = os.environ["REPORTS_DSN"]
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports")
PG_HOST = os.environ.get("PGHOST", "analytics-db.internal")
REPORT_TABLES = {"daily_revenue", "signups", "churn", "active_users"}
EXPORT_FORMATS = {"plain", "custom", "tar"}


def db():
    return psycopg2.connect(DSN, connect_timeout=5)


def checked_table(table: str) -> str:
    if table not in REPORT_TABLES:
        raise falcon.HTTPNotFound(description="unknown report table")
    return table


class ReportResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response, table: str):
        table = checked_table(table)
        start = req.get_param("from", required=True)
        end = req.get_param("to", required=True)
        region = req.get_param("region")
        filters, args = ["day BETWEEN %s AND %s"], [start, end]
        if region:
            filters.append("region = %s")
            args.append(region)
        sql = pgsql.SQL("SELECT * FROM reporting.{} WHERE " + " AND ".join(filters) + " ORDER BY day LIMIT 5000").format(pgsql.Identifier(table))
        with db() as conn, conn.cursor() as cur:
            cur.execute(sql, args)
            cols = [c.name for c in cur.description]
            rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        resp.text = json.dumps({"table": table, "rows": rows}, default=str)
        resp.content_type = falcon.MEDIA_JSON


class ExportResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response, table: str):
        table = checked_table(table)
        body = req.get_media() or {}
        fmt = body.get("format", "plain")
        if fmt not in EXPORT_FORMATS:
            raise falcon.HTTPBadRequest(description="unsupported format")
        export_id = uuid.uuid4().hex
        outfile = os.path.join(EXPORT_DIR, f"{export_id}.sql")
        cmd = ["pg_dump", "-h", PG_HOST, "-d", "analytics", f"--format={fmt}", "-t", f"reporting.{table}", "-f", outfile]
        log.info("starting export %s for %r", export_id, table)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            log.error("export %s failed: %s", export_id, proc.stderr[-500:])
            raise falcon.HTTPInternalServerError(description="export failed")
        resp.status = falcon.HTTP_201
        resp.media = {"export_id": export_id, "path": outfile}


app = falcon.App()
app.add_route("/reports/{table}", ReportResource())
app.add_route("/exports/{table}", ExportResource())
