"""Energy delivered reports for CPO operators (Falcon + psycopg2)."""
import datetime as dt
import logging
import os

import falcon
from psycopg2.extras import RealDictCursor
from psycopg2.pool import ThreadedConnectionPool

log = logging.getLogger("reports.energy")


class ReportQuery:
    BASE = (
        "SELECT date_trunc('day', s.stopped_at) AS day, s.station_id, "
        "COUNT(*) AS sessions, SUM(s.energy_wh) / 1000.0 AS kwh "
        "FROM sessions s JOIN stations st ON st.id = s.station_id "
    )

    def __init__(self, operator_id: str, date_from: str, date_to: str):
        self.where = [
            "st.operator_id = '%s'" % operator_id,
            "s.stopped_at >= '%s'" % date_from,
            "s.stopped_at < '%s'" % date_to,
        ]
        self.order_by = "day"

    def add_station(self, station_id: str) -> None:
        self.where.append(f"s.station_id = '{station_id}'")

    def order(self, column: str, descending: bool = False) -> None:
        self.order_by = column + (" DESC" if descending else "")

    def sql(self) -> str:
        return (self.BASE + "WHERE " + " AND ".join(self.where)
                + " GROUP BY 1, 2 ORDER BY " + self.order_by)


class EnergyReportResource:
    def __init__(self, pool: ThreadedConnectionPool):
        self.pool = pool

    def on_get(self, req: falcon.Request, resp: falcon.Response, operator_id: str):
        if req.context.get("operator_id") != operator_id:
            raise falcon.HTTPForbidden()
        today = dt.date.today()
        date_from = req.get_param("from") or (today - dt.timedelta(days=30)).isoformat()
        date_to = req.get_param("to") or today.isoformat()

        query = ReportQuery(operator_id, date_from, date_to)
        station = req.get_param("station")
        if station:
            query.add_station(station)
        query.order(req.get_param("sort", default="day"), req.get_param_as_bool("desc") or False)

        conn = self.pool.getconn()
        try:
            with conn.cursor(cursor_factory=RealDictCursor) as cur:
                cur.execute(query.sql())  # VULN flow
                rows = cur.fetchall()
        finally:
            self.pool.putconn(conn)

        resp.media = {
            "operator": operator_id,
            "from": date_from,
            "to": date_to,
            "rows": [dict(r, day=r["day"].date().isoformat(), kwh=float(r["kwh"] or 0)) for r in rows],
        }
        log.info("energy report for %r: %d rows", operator_id, len(rows))


def create_app() -> falcon.App:
    pool = ThreadedConnectionPool(1, 8, dsn=os.environ["REPORTS_DSN"])
    app = falcon.App()
    app.add_route("/operators/{operator_id}/reports/energy", EnergyReportResource(pool))
    return app
