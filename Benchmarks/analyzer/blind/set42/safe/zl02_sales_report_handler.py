"""Tornado handlers backing the regional sales dashboard."""
import json
import logging
import sqlite3
from typing import Any, List, Optional, Tuple

import tornado.ioloop
import tornado.web
from tornado.options import define, options

define("port", default=8890, type=int)
define("db_path", default="/var/lib/dashboard/sales.db")

logger = logging.getLogger("dashboard.reports")

SORT_COLUMNS = {"sold_at": "sold_at", "total": "total", "region": "region", "product": "product"}


class ReportQuery:
    """Accumulates filters coming from the dashboard's query string."""

    def __init__(self, region: Optional[str], since: Optional[str],
                 until: Optional[str], sort: str = "sold_at"):
        self.region = region
        self.since = since
        self.until = until
        self.sort = SORT_COLUMNS.get(sort, "sold_at")

    def where_clause(self) -> Tuple[str, List[Any]]:
        clauses: List[str] = ["1 = 1"]
        params: List[Any] = []
        if self.region:
            clauses.append("region = ?")
            params.append(self.region)
        if self.since:
            clauses.append("sold_at >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("sold_at < ?")
            params.append(self.until)
        return " AND ".join(clauses), params

    def to_sql(self) -> Tuple[str, List[Any]]:
        where, params = self.where_clause()
        sql = (
            "SELECT region, product, SUM(amount) AS total, MAX(sold_at) AS sold_at "
            "FROM sales WHERE " + where +
            " GROUP BY region, product ORDER BY " + self.sort + " DESC LIMIT 200"
        )
        return sql, params


class BaseHandler(tornado.web.RequestHandler):
    def db(self) -> sqlite3.Connection:
        conn = sqlite3.connect(options.db_path)
        conn.row_factory = sqlite3.Row
        return conn

    def write_json(self, payload) -> None:
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(payload, default=str))


class SalesReportHandler(BaseHandler):
    def get(self) -> None:
        query = ReportQuery(
            region=self.get_query_argument("region", None),
            since=self.get_query_argument("since", None),
            until=self.get_query_argument("until", None),
            sort=self.get_query_argument("sort", "sold_at"),
        )
        sql, params = query.to_sql()
        conn = self.db()
        try:
            cur = conn.cursor()
            cur.execute(sql, params)
            rows = [dict(r) for r in cur.fetchall()]
        except sqlite3.Error:
            logger.exception("report query failed")
            raise tornado.web.HTTPError(500)
        finally:
            conn.close()
        self.write_json({"rows": rows, "count": len(rows)})


class RegionsHandler(BaseHandler):
    def get(self) -> None:
        conn = self.db()
        try:
            regions = [r[0] for r in conn.execute("SELECT DISTINCT region FROM sales")]
        finally:
            conn.close()
        self.write_json({"regions": regions})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/api/reports/sales", SalesReportHandler),
        (r"/api/regions", RegionsHandler),
    ])


if __name__ == "__main__":
    options.parse_command_line()
    make_app().listen(options.port, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
