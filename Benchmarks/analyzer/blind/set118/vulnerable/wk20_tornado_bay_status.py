"""Bay status service for the self-serve wash bays (Tornado).

Bay controllers push their state every few seconds; the lobby display and
the attendant app read it back.
"""
import json
import logging
import sqlite3
import time

import tornado.ioloop
import tornado.web

log = logging.getLogger("bay_status")

DB_FILE = "/var/lib/washctl/bays.db"


class BaseHandler(tornado.web.RequestHandler):
    @property
    def db(self) -> sqlite3.Connection:
        return self.application.settings["db"]

    def write_json(self, obj, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(obj))


class BayHistoryHandler(BaseHandler):
    HISTORY_SQL = (
        "SELECT bay, state, program, seconds_left, reported_at FROM bay_events "
        "WHERE bay = '{bay}' AND reported_at >= {since} ORDER BY reported_at DESC LIMIT {limit}"
    )

    def build_query(self, bay: str, since: int, limit: int) -> str:
        return self.HISTORY_SQL.format(bay=bay, since=since, limit=limit)

    def get(self, bay):
        hours = int(self.get_argument("hours", "4"))
        limit = min(int(self.get_argument("limit", "200")), 1000)
        since = int(time.time()) - hours * 3600
        sql = self.build_query(bay, since, limit)
        rows = self.db.execute(sql).fetchall()  # VULN flow
        self.write_json(
            [dict(zip(("bay", "state", "program", "seconds_left", "reported_at"), r)) for r in rows]
        )


class BayReportHandler(BaseHandler):
    STATES = {"idle", "washing", "rinsing", "drying", "fault"}

    def post(self, bay):
        body = json.loads(self.request.body or b"{}")
        state = body.get("state")
        if state not in self.STATES:
            return self.write_json({"error": "bad state"}, 400)
        self.db.execute(
            "INSERT INTO bay_events (bay, state, program, seconds_left, reported_at) VALUES (?, ?, ?, ?, ?)",
            (bay, state, body.get("program", ""), int(body.get("seconds_left", 0)), int(time.time())),
        )
        self.db.commit()
        self.write_json({"ok": True})


def make_app() -> tornado.web.Application:
    conn = sqlite3.connect(DB_FILE)
    return tornado.web.Application(
        [
            (r"/bays/([^/]+)/history", BayHistoryHandler),
            (r"/bays/([^/]+)/report", BayReportHandler),
        ],
        db=conn,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
