"""Tornado handlers: subscriber data-usage history and CSV exports for the ISP portal."""
import csv
import io
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.web

log = logging.getLogger("usage")

EXPORT_DIR = os.environ.get("USAGE_EXPORT_DIR", "/srv/portal/exports")


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, dsn: str):
        self.dsn = dsn

    def get_current_user(self):
        sub = self.get_secure_cookie("sub_id")
        return int(sub) if sub else None

    def query(self, sql: str, params=()):
        with psycopg2.connect(self.dsn) as conn:
            with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.execute(sql, params)  # VULN flow
                return cur.fetchall()


class UsageHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        sort = self.get_argument("sort", "day")
        order = self.get_argument("order", "desc")
        days = min(int(self.get_argument("days", "30")), 366)
        sql = ("SELECT day, download_bytes, upload_bytes, peak_mbps FROM usage_daily "
               "WHERE subscriber_id = %s AND day > now() - (%s * interval '1 day') "
               f"ORDER BY {sort} {order}")
        rows = self.query(sql, (self.current_user, days))
        self.write({"usage": [{**r, "day": r["day"].isoformat()} for r in rows]})


class ExportHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        rows = self.query("SELECT day, download_bytes, upload_bytes FROM usage_daily "
                          "WHERE subscriber_id = %s ORDER BY day", (self.current_user,))
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["day", "download_bytes", "upload_bytes"])
        for r in rows:
            writer.writerow([r["day"], r["download_bytes"], r["upload_bytes"]])
        name = f"usage-{self.current_user}-{len(rows)}.csv"
        with open(os.path.join(EXPORT_DIR, name), "w") as fh:
            fh.write(buf.getvalue())
        self.write({"export": name})

    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        path = os.path.join(EXPORT_DIR, name)
        try:
            with open(path, "rb") as fh:  # VULN flow
                data = fh.read()
        except FileNotFoundError:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "text/csv")
        self.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
        self.write(data)


def make_app(dsn: str, cookie_secret: str) -> tornado.web.Application:
    return tornado.web.Application([
        (r"/usage", UsageHandler, {"dsn": dsn}),
        (r"/usage/export", ExportHandler, {"dsn": dsn}),
    ], cookie_secret=cookie_secret, login_url="/login")
