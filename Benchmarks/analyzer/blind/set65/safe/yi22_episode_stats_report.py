"""Download analytics for podcast episodes (daily/weekly/monthly buckets)."""
import logging
import os
from typing import List, Tuple

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("podcast.stats")

DSN = os.environ.get("STATS_DSN", "dbname=podstats")
BUCKETS = {
    "day": "date_trunc('day', downloaded_at)",
    "week": "date_trunc('week', downloaded_at)",
    "month": "date_trunc('month', downloaded_at)",
}


class StatsQuery:
    def __init__(self, show_id: str, start: str, end: str, group: str = "day", platform=None):
        self.show_id = show_id
        self.start = start
        self.end = end
        self.group = group if group in BUCKETS else "day"
        self.platform = platform

    def to_sql(self) -> Tuple[str, List[str]]:
        bucket = BUCKETS[self.group]
        sql = (
            f"SELECT {bucket} AS bucket, count(*) AS downloads "
            "FROM episode_downloads "
            "WHERE show_id = %s "
            "AND downloaded_at >= %s AND downloaded_at < %s"
        )
        params = [self.show_id, self.start, self.end]
        if self.platform:
            sql += " AND client_family = %s"
            params.append(self.platform)
        return sql + " GROUP BY bucket ORDER BY bucket", params


class StatsHandler(tornado.web.RequestHandler):
    def initialize(self, dsn: str):
        self.dsn = dsn

    def get(self, show_id: str):
        query = StatsQuery(
            show_id,
            self.get_argument("from"),
            self.get_argument("to"),
            self.get_argument("group", "day"),
            self.get_argument("platform", None),
        )
        sql, params = query.to_sql()
        with psycopg2.connect(self.dsn) as conn:
            with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.execute(sql, params)
                rows = cur.fetchall()
        self.write({
            "show": show_id,
            "group": query.group,
            "series": [
                {"bucket": r["bucket"].isoformat(), "downloads": r["downloads"]} for r in rows
            ],
        })


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/shows/([0-9a-f]{8}-[0-9a-f-]{27})/stats", StatsHandler, {"dsn": DSN}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
