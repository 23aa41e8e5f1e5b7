"""Permit board: wall display in the control room listing active work permits."""
import logging
import os
import sqlite3

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

log = logging.getLogger("permit_board")
DB_PATH = os.environ.get("PERMIT_DB", "/var/lib/ptw/permits.db")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Permit board</title>
<meta http-equiv="refresh" content="60"></head>
<body><h1>Active permits{subtitle}</h1>
<table><tr><th>No.</th><th>Area</th><th>Work</th><th>Holder</th></tr>{rows}</table>
</body></html>"""

ROW = "<tr><td>{number}</td><td>{area}</td><td>{work}</td><td>{holder}</td></tr>"


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def load_permits(area=None):
    sql = "SELECT number, area, work_desc, holder FROM permits WHERE status = 'ACTIVE'"
    args = ()
    if area:
        sql += " AND area = ?"
        args = (area,)
    with db() as conn:
        return conn.execute(sql + " ORDER BY number", args).fetchall()


def render_row(p) -> str:
    return ROW.format(number=xhtml_escape(p["number"]), area=xhtml_escape(p["area"]),
                      work=xhtml_escape(p["work_desc"]), holder=xhtml_escape(p["holder"]))


class BoardHandler(tornado.web.RequestHandler):
    def get(self):
        area = self.get_argument("area", "")
        rows = "".join(render_row(p) for p in load_permits(area or None))
        subtitle = f" &mdash; area {xhtml_escape(area)}" if area else ""
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(PAGE.format(subtitle=subtitle, rows=rows))


class NoteHandler(tornado.web.RequestHandler):
    def post(self, number):
        note = self.get_body_argument("note").strip()
        author = self.get_body_argument("author", "control room")
        with db() as conn:
            conn.execute("INSERT INTO permit_notes (permit_number, author, note) VALUES (?, ?, ?)",
                         (number, author, note))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(f"<p>Note added to permit {xhtml_escape(number)} by {xhtml_escape(author)}: "
                   f"{xhtml_escape(note)}</p>")


def make_app():
    return tornado.web.Application([
        (r"/", BoardHandler),
        (r"/permits/([A-Z0-9-]+)/notes", NoteHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("BOARD_PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
