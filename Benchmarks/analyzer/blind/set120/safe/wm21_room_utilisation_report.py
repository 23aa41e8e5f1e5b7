"""Meeting-room utilisation report for space managers (Tornado service)."""
import datetime as dt
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("reports.rooms")

SORT_COLUMNS = {"hours": "hours", "bookings": "bookings", "name": "r.name", "slug": "r.slug"}


class ReportQuery:
    BASE = (
        "SELECT r.slug, r.name, COUNT(b.id) AS bookings, "
        "COALESCE(SUM(EXTRACT(EPOCH FROM b.ends_at - b.starts_at)) / 3600, 0) AS hours "
        "FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id "
        "AND b.starts_at >= %s AND b.starts_at < %s AND b.status = 'confirmed'"
    )

    def __init__(self, start: dt.date, end: dt.date):
        self.params = [start, end]
        self.where = []
        self.order = "hours"

    def add_site(self, site_id: int) -> None:
        self.where.append("r.site_id = %s")
        self.params.append(site_id)

    def add_room(self, room_slug: str) -> None:
        self.where.append("r.slug = %s")
        self.params.append(room_slug)

    def order_by(self, column: str) -> None:
        self.order = SORT_COLUMNS.get(column, "hours")

    def sql(self) -> str:
        q = self.BASE
        if self.where:
            q += " WHERE " + " AND ".join(self.where)
        return q + f" GROUP BY r.slug, r.name ORDER BY {self.order} DESC"


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        raw = self.get_secure_cookie("mgr")
        return int(raw) if raw else None

    @property
    def db(self):
        return self.application.settings["db"]


class UtilisationHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        try:
            start = dt.date.fromisoformat(self.get_argument("from"))
            end = dt.date.fromisoformat(self.get_argument("to"))
        except ValueError:
            raise tornado.web.HTTPError(400, "dates must be YYYY-MM-DD")

        q = ReportQuery(start, end)
        q.add_site(int(self.get_argument("site", "1")))
        room = self.get_argument("room", None)
        if room:
            q.add_room(room)
        q.order_by(self.get_argument("sort", "hours"))

        with self.db.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(q.sql(), q.params)
            rows = cur.fetchall()
        self.write({"rows": [
            {"slug": r["slug"], "name": r["name"], "bookings": r["bookings"], "hours": float(r["hours"])}
            for r in rows
        ]})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/reports/rooms", UtilisationHandler)],
        cookie_secret=os.environ["REPORTS_COOKIE_SECRET"],
        login_url="/login",
        db=psycopg2.connect(os.environ["REPORTS_DSN"]),
    )


if __name__ == "__main__":
    make_app().listen(8891, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
