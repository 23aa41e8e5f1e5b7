"""Shared hive notes for teaching apiaries (Tornado).

Mentors and students at the association's teaching apiary leave notes on each
colony (markdown) which everybody on the course can read.
"""
import datetime as dt
import os
import sqlite3

import markdown
import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

DB_PATH = os.environ.get("NOTES_DB", "/var/lib/apiary/teaching_notes.db")

NOTE_TEMPLATE = """<article class="note">
  <header>{author} &middot; {date}</header>
  <section>{body}</section>
</article>"""


class NoteStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def for_hive(self, hive_id: int):
        return self.conn.execute(
            "SELECT author, created_on AS date, body FROM notes WHERE hive_id = ? ORDER BY created_on DESC",
            (hive_id,),
        ).fetchall()

    def add(self, hive_id: int, author: str, body: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO notes (hive_id, author, body, created_on) VALUES (?, ?, ?, ?)",
                (hive_id, author, body, dt.date.today().isoformat()),
            )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("student")


class HiveNotesHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, hive_id):
        notes = self.application.store.for_hive(int(hive_id))
        self.write("<h1>Notes for %s</h1>" % xhtml_escape(self.get_argument("label", "hive " + hive_id)))
        for note in notes:
            body_html = markdown.markdown(xhtml_escape(note["body"]))
            rendered = NOTE_TEMPLATE.format(author=xhtml_escape(note["author"]),
                                            date=xhtml_escape(note["date"]), body=body_html)
            self.write(rendered)
        self.write('<form method="post">%s<textarea name="body"></textarea>'
                   '<button>Add note</button></form>' % self.xsrf_form_html())

    @tornado.web.authenticated
    def post(self, hive_id):
        body = self.get_body_argument("body", "").strip()
        if body:
            self.application.store.add(int(hive_id), self.current_user.decode(), body)
        self.redirect("/hives/%d/notes" % int(hive_id))


class NotesApp(tornado.web.Application):
    def __init__(self):
        super().__init__(
            [(r"/hives/(\d+)/notes", HiveNotesHandler)],
            cookie_secret=os.environ["NOTES_COOKIE_SECRET"],
            login_url="/login",
            xsrf_cookies=True,
        )
        self.store = NoteStore(DB_PATH)


if __name__ == "__main__":
    NotesApp().listen(8095, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
