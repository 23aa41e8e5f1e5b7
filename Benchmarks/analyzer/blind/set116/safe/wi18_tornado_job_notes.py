"""Job notes viewer for the office staff (Tornado).

Technicians leave free-text notes on each job from the field app; the
office renders them in the job sidebar.
"""
import logging
import os

import tornado.ioloop
import tornado.web
from tornado.escape import json_decode, xhtml_escape

from notes.store import NoteStore

log = logging.getLogger("job_notes")


def note_item(note: dict) -> str:
    author = xhtml_escape(note["author"])
    body = xhtml_escape(note["body"]).replace("\n", "<br>")
    return (
        "<li class='note'>"
        f"<span class='author'>{author}</span> "
        f"<time>{note['created_at']:%d %b %H:%M}</time>"
        f"<div class='body'>{body}</div></li>"
    )


class BaseHandler(tornado.web.RequestHandler):
    @property
    def store(self) -> NoteStore:
        return self.application.settings["store"]

    def get_current_user(self):
        return self.get_secure_cookie("staff")


class NotesFragmentHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, job_id: str):
        notes = self.store.for_job(int(job_id))
        items = "".join(note_item(n) for n in notes)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(f"<ul class='notes' data-job='{int(job_id)}'>{items}</ul>")


class NotesApiHandler(BaseHandler):
    def post(self, job_id: str):
        tech = self.request.headers.get("X-Tech-Badge")
        if not tech or not self.store.tech_owns_job(tech, int(job_id)):
            raise tornado.web.HTTPError(403)
        payload = json_decode(self.request.body)
        body = str(payload.get("body", "")).strip()
        if not body:
            raise tornado.web.HTTPError(400, "empty note")
        note_id = self.store.add(int(job_id), author=tech, body=body[:4000])
        self.set_status(201)
        self.write({"id": note_id})


HANDLERS = [
    (r"/jobs/(\d+)/notes\.html", NotesFragmentHandler),
    (r"/api/jobs/(\d+)/notes", NotesApiHandler),
]


def make_app() -> tornado.web.Application:
    settings = {
        "cookie_secret": os.environ["NOTES_COOKIE_SECRET"],
        "login_url": "/login",
        "store": NoteStore(os.environ["NOTES_DSN"]),
    }
    return tornado.web.Application(HANDLERS, **settings, debug=os.environ.get("NOTES_DEBUG") == "1")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
