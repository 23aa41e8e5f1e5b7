"""Tornado service exposing the brewhouse / cellar tank schedule to the floor tablets."""
import json
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("schedule")
DSN = os.environ.get("SCHEDULE_DSN", "dbname=brewhouse host=/var/run/postgresql")


class ScheduleRepo:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = True

    def upcoming(self, tank: str, brewer: str = None, days: int = 14):
        sql = (
            "SELECT s.id, s.tank_code, s.batch_no, s.brewer, s.step, s.starts_at, s.ends_at "
            "FROM brew_schedule s WHERE s.tank_code = %s "
            "AND s.starts_at < now() + %s * interval '1 day'"
        )
        params = [tank, days]
        if brewer:
            sql += " AND s.brewer = %s"
            params.append(brewer)
        sql += " ORDER BY s.starts_at"
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def tanks(self):
        with self.conn.cursor() as cur:
            cur.execute("SELECT tank_code, capacity_bbl, kind FROM tanks WHERE active ORDER BY tank_code")
            return [{"tank": r[0], "capacity_bbl": float(r[1]), "kind": r[2]} for r in cur.fetchall()]


class BaseHandler(tornado.web.RequestHandler):
    @property
    def repo(self) -> ScheduleRepo:
        return self.application.settings["repo"]

    def write_json(self, payload):
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(payload, default=str))


class ScheduleHandler(BaseHandler):
    def get(self):
        tank = self.get_argument("tank")
        brewer = self.get_argument("brewer", None)
        try:
            days = int(self.get_argument("days", "14"))
        except ValueError:
            raise tornado.web.HTTPError(400, "days must be an integer")
        rows = self.repo.upcoming(tank, brewer, max(1, min(days, 60)))
        self.write_json({"tank": tank, "entries": rows})


class TanksHandler(BaseHandler):
    def get(self):
        self.write_json({"tanks": self.repo.tanks()})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/api/schedule", ScheduleHandler), (r"/api/tanks", TanksHandler)],
        repo=ScheduleRepo(DSN),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
