"""Tornado app serving full-text search over council and committee minutes."""
import logging
import os
import sqlite3

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

log = logging.getLogger("minutes_search")

DB_PATH = os.environ.get("MINUTES_DB", "/var/lib/civic/minutes.db")
BODIES = ("council", "planning", "zoning", "parks", "budget")


class MinutesSearchHandler(tornado.web.RequestHandler):
    def initialize(self, db: sqlite3.Connection):
        self.db = db

    def search(self, term: str, body: str) -> list:
        like = f"%{term}%"
        sql = (
            "SELECT meeting_date, item_no, title FROM minutes_items "
            "WHERE body = ? AND (title LIKE ? OR summary LIKE ?) "
            "ORDER BY meeting_date DESC LIMIT 100"
        )
        cur = self.db.cursor()
        cur.execute(sql, (body, like, like))
        return cur.fetchall()

    def get(self):
        term = self.get_argument("q", "").strip()
        body = self.get_argument("body", "council")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write("<!doctype html><html><head><title>Minutes search</title></head><body>")
        if not term:
            self.write("<p>Enter a search term.</p></body></html>")
            return
        rows = self.search(term, body)
        self.write(f"<h2>{len(rows)} results for &ldquo;{xhtml_escape(term)}&rdquo; in {xhtml_escape(body)} minutes</h2>")
        self.write("<ol>")
        for meeting_date, item_no, title in rows:
            self.write(
                f"<li><a href='/minutes/{xhtml_escape(meeting_date)}#item-{int(item_no)}'>"
                f"{xhtml_escape(meeting_date)} &mdash; item {int(item_no)}: {xhtml_escape(title)}</a></li>"
            )
        self.write("</ol></body></html>")


class BodiesHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"bodies": list(BODIES)})


def make_app() -> tornado.web.Application:
    db = sqlite3.connect(DB_PATH)
    return tornado.web.Application(
        [
            (r"/minutes/search", MinutesSearchHandler, {"db": db}),
            (r"/minutes/bodies", BodiesHandler),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
