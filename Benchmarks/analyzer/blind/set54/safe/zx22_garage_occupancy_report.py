"""Operator portal: hourly occupancy report for multi-storey garages (Tornado)."""
import csv
import io
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("occupancy")
DSN = os.environ.get("PARKING_DSN", "dbname=parking user=portal")

BUCKETS = {"hour": "hour", "day": "day", "week": "week"}


class ReportQuery:
    def __init__(self, operator_id, garages, start, end, bucket):
        self.operator_id = operator_id
        self.garages = garages
        self.start = start
        self.end = end
        self.bucket = BUCKETS.get(bucket, "hour")

    def sql(self):
        return (
            "SELECT g.code, date_trunc(%(bucket)s, e.observed_at) AS bucket, "
            "avg(e.occupied)::int AS occupied, max(g.capacity) AS capacity "
            "FROM occupancy_events e JOIN garages g ON g.id = e.garage_id "
            "WHERE g.operator_id = %(op)s AND g.code = ANY(%(garages)s) "
            "AND e.observed_at BETWEEN %(start)s AND %(end)s "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        ), {"bucket": self.bucket, "op": int(self.operator_id), "garages": list(self.garages),
            "start": self.start, "end": self.end}


class OccupancyHandler(tornado.web.RequestHandler):
    def initialize(self, dsn):
        self.dsn = dsn

    def operator_id(self):
        op = self.get_secure_cookie("operator")
        if not op:
            raise tornado.web.HTTPError(401)
        return int(op)

    def get(self):
        query = ReportQuery(
            self.operator_id(),
            self.get_arguments("garage") or ["ALL"],
            self.get_argument("from"),
            self.get_argument("to"),
            self.get_argument("bucket", "hour"),
        )
        with psycopg2.connect(self.dsn) as conn:
            with conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
                sql, params = query.sql()
                cur.execute(sql, params)
                rows = cur.fetchall()

        if self.get_argument("format", "json") == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(["garage", "bucket", "occupied", "capacity"])
            for r in rows:
                writer.writerow([r["code"], r["bucket"].isoformat(), r["occupied"], r["capacity"]])
            self.set_header("Content-Type", "text/csv")
            self.write(buf.getvalue())
            return
        self.write({"rows": [
            {"garage": r["code"], "bucket": r["bucket"].isoformat(),
             "occupied": r["occupied"], "capacity": r["capacity"]} for r in rows
        ]})


def make_app():
    return tornado.web.Application(
        [(r"/reports/occupancy", OccupancyHandler, {"dsn": DSN})],
        cookie_secret=os.environ["PORTAL_COOKIE_SECRET"],
    )


if __name__ == "__main__":
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
