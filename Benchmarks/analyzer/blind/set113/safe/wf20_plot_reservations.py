"""Tornado handlers for the plot reservation board used by family service counselors."""
import json
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("reservations")

DEFAULT_SORT = "r.reserved_at"
SORT_COLUMNS = {
    "reserved_at": "r.reserved_at",
    "r.reserved_at": "r.reserved_at",
    "hold_expires": "r.hold_expires",
    "section": "p.section",
    "family_name": "r.family_name",
}


def build_query(filters: dict, sort: str, direction: str):
    where = ["r.cemetery_id = %s"]
    params = [filters["cemetery_id"]]
    if filters.get("status"):
        where.append("r.status = %s")
        params.append(filters["status"])
    if filters.get("section"):
        where.append("p.section = %s")
        params.append(filters["section"])
    if filters.get("counselor"):
        where.append("r.counselor_id = %s")
        params.append(int(filters["counselor"]))
    order_col = SORT_COLUMNS.get(sort, DEFAULT_SORT)
    sql = (
        "SELECT r.id, r.status, r.reserved_at, r.hold_expires, p.section, p.lot, p.grave, "
        "r.family_name, r.counselor_id FROM reservations r JOIN plots p ON p.id = r.plot_id "
        "WHERE " + " AND ".join(where) + f" ORDER BY {order_col} {direction} LIMIT 200"
    )
    return sql, params


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("counselor")

    @property
    def db(self):
        return self.application.settings["db"]


class ReservationListHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, cemetery_id):
        filters = {
            "cemetery_id": int(cemetery_id),
            "status": self.get_argument("status", "held"),
            "section": self.get_argument("section", None),
            "counselor": self.get_argument("counselor", None),
        }
        sort = self.get_argument("sort", DEFAULT_SORT)
        direction = "DESC" if self.get_argument("dir", "desc").lower() == "desc" else "ASC"
        sql, params = build_query(filters, sort, direction)
        with self.db.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            try:
                cur.execute(sql, params)
                rows = cur.fetchall()
            except (psycopg2.Error, ValueError):
                self.db.rollback()
                log.exception("reservation query failed")
                raise tornado.web.HTTPError(400)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"reservations": rows}, default=str))


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/cemeteries/(\d+)/reservations", ReservationListHandler)],
        cookie_secret=os.environ["RESERVATIONS_COOKIE_SECRET"],
        login_url="/login",
        db=psycopg2.connect(os.environ["RESERVATIONS_DSN"]),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8060, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
