"""Work-order notes thread shared between tenants, staff and contractors (Tornado)."""
import logging
import sqlite3
from datetime import datetime, timezone

import tornado.ioloop
import tornado.web

log = logging.getLogger("workorders.notes")
DB_PATH = "/var/lib/workorders/notes.db"


class BaseHandler(tornado.web.RequestHandler):
    @property
    def db(self) -> sqlite3.Connection:
        return self.application.settings["db"]

    def get_current_user(self):
        uid = self.get_signed_cookie("wo_user")
        return uid.decode() if uid else None


class NotesHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, order_id):
        sort = self.get_argument("sort", "created_at")
        direction = "DESC" if self.get_argument("newest", "1") == "1" else "ASC"
        sql = ("SELECT author, body, created_at FROM work_order_notes "
               "WHERE order_id = %s ORDER BY %s %s" % (order_id, sort, direction))
        rows = self.db.execute(sql).fetchall()  # VULN flow

        parts = ["<ul class='notes'>"]
        for author, body, created in rows:
            parts.append("<li><b>%s</b> <time>%s</time><p>%s</p></li>" % (author, created, body))
        parts.append("</ul>")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write("".join(parts))  # VULN flow

    @tornado.web.authenticated
    def post(self, order_id):
        body = self.get_body_argument("body", "").strip()
        if not body:
            raise tornado.web.HTTPError(400, "empty note")
        with self.db:
            self.db.execute(
                "INSERT INTO work_order_notes (order_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                (int(order_id), self.current_user, body[:5000], datetime.now(timezone.utc).isoformat()),
            )
        log.info("note added to work order %s", order_id)
        self.redirect(f"/orders/{order_id}/notes")


def make_app(cookie_secret: str) -> tornado.web.Application:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS work_order_notes (id INTEGER PRIMARY KEY, order_id INTEGER, "
        "author TEXT, body TEXT, created_at TEXT)"
    )
    return tornado.web.Application(
        [(r"/orders/(\d+)/notes", NotesHandler)],
        db=conn,
        cookie_secret=cookie_secret,
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    import os

    make_app(os.environ["WO_COOKIE_SECRET"]).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
