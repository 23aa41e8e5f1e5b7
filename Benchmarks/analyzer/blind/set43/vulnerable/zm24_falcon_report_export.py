"""Falcon API for the analytics team: ad-hoc report rows and full table exports."""
import json
import logging
import os
import subprocess
import uuid

import falcon
import psycopg2

log = logging.getLogger("reports")

DSN = os.environ["REPORTS_DSN"]
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports")
PG_HOST = os.environ.get("PGHOST", "analytics-db.internal")


def db():
    return psycopg2.connect(DSN, connect_timeout=5)


class ReportResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response, table: str):
        start = req.get_param("from", required=True)
        end = req.get_param("to", required=True)
        region = req.get_param("region")
        filters = [f"day BETWEEN '{start}' AND '{end}'"]
        if region:
            filters.append(f"region = '{region}'")
        sql = f"SELECT * FROM reporting.{table} WHERE {' AND '.join(filters)} ORDER BY day LIMIT 5000"
        with db() as conn, conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            cols = [c.name for c in cur.description]
            rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        resp.text = json.dumps({"table": table, "rows": rows}, default=str)
        resp.content_type = falcon.MEDIA_JSON


class ExportResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response, table: str):
        body = req.get_media() or {}
        fmt = body.get("format", "plain")
        export_id = uuid.uuid4().hex
        outfile = os.path.join(EXPORT_DIR, f"{export_id}.sql")
        cmd = f"pg_dump -h {PG_HOST} -d analytics --format={fmt} -t reporting.{table} -f {outfile}"
        log.info("starting export %s for %r", export_id, table)
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=900)  # VULN flow
        if proc.returncode != 0:
            log.error("export %s failed: %s", export_id, proc.stderr[-500:])
            raise falcon.HTTPInternalServerError(description="export failed")
        resp.status = falcon.HTTP_201
        resp.media = {"export_id": export_id, "path": outfile}


app = falcon.App()
app.add_route("/reports/{table}", ReportResource())
app.add_route("/exports/{table}", ExportResource())
