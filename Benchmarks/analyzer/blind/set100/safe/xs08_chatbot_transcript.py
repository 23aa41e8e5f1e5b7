"""Classroom chat bot: transcript pages for teachers.

The bot stores every message of a classroom room in Redis as JSON
({"author", "text", "from_bot", "ts"}); teachers review them here.
"""
import json
import logging
import os
from datetime import datetime, timezone

import redis
import tornado.escape
import tornado.ioloop
import tornado.web

log = logging.getLogger("chat_transcript")
store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/chat.css"></head>
<body><h1>{title}</h1><ul class="transcript">{items}</ul></body></html>"""


def load_messages(room: str, limit: int = 200) -> list:
    raw = store.lrange(f"room:{room}:messages", -limit, -1)
    return [json.loads(m) for m in raw]


def render_item(msg: dict) -> str:
    css = "bot" if msg.get("from_bot") else "student"
    when = datetime.fromtimestamp(msg.get("ts", 0), tz=timezone.utc).strftime("%H:%M")
    esc = tornado.escape.xhtml_escape
    return '<li class="{}"><time>{}</time> <b>{}</b> <span>{}</span></li>'.format(
        css, when, esc(str(msg.get("author", "?"))), esc(str(msg.get("text", "")))
    )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        value = self.get_secure_cookie("teacher")
        return value.decode() if value else None

    def check_room(self, room: str) -> None:
        if not store.sismember(f"teacher:{self.current_user}:rooms", room):
            raise tornado.web.HTTPError(403)


class TranscriptHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, room):
        self.check_room(room)
        items = "".join(render_item(m) for m in load_messages(room))
        title = tornado.escape.xhtml_escape("Transcript: " + self.get_argument("label", room))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(PAGE.format(title=title, items=items))


class TranscriptJsonHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, room):
        self.check_room(room)
        self.write({"room": room, "messages": load_messages(room)})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/rooms/([\w-]+)/transcript", TranscriptHandler),
            (r"/rooms/([\w-]+)/transcript\.json", TranscriptJsonHandler),
        ],
        cookie_secret=os.environ["COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
        static_path=os.path.join(os.path.dirname(__file__), "static"),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
