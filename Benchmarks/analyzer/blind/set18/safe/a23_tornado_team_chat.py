"""Lightweight team chat rooms for the on-call rotation (Tornado)."""
import collections
import hmac
import os
import time

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

HISTORY = 50


class MessageStore:
    def __init__(self, history: int = HISTORY) -> None:
        self.rooms: dict[str, collections.deque] = collections.defaultdict(
            lambda: collections.deque(maxlen=history))

    def add(self, room: str, author: str, text: str) -> None:
        self.rooms[room].append({"author": author, "text": text, "ts": time.time()})

    def recent(self, room: str) -> list[dict]:
        return list(self.rooms.get(room, ()))


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, store: MessageStore) -> None:
        self.store = store

    def get_current_user(self):
        user = self.get_signed_cookie("oncall_user")
        return user.decode() if user else None


class RoomHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, room: str) -> None:
        page = self.render_room(room, self.store.recent(room))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)

    @tornado.web.authenticated
    def post(self, room: str) -> None:
        text = self.get_body_argument("text", "").strip()
        if text:
            self.store.add(room, self.current_user, text[:2000])
        self.redirect(self.reverse_url("room", room))

    def render_room(self, room: str, messages: list[dict]) -> str:
        room = xhtml_escape(room)
        items = "\n".join(
            f'<li><b>{xhtml_escape(m["author"])}</b> <time>{time.strftime("%H:%M", time.localtime(m["ts"]))}'
            f'</time> {xhtml_escape(m["text"])}</li>'
            for m in messages
        )
        return (
            f"<html><head><title>#{room}</title></head><body>"
            f"<h1>#{room}</h1><ul>{items}</ul>"
            f'<form method="post">{self.xsrf_form_html()}'
            '<input name="text" autofocus><button>Send</button></form></body></html>'
        )


class LoginHandler(BaseHandler):
    def post(self) -> None:
        user = self.get_body_argument("user", "")
        token = self.get_body_argument("token", "")
        expected = os.environ.get("ONCALL_SHARED_TOKEN", "")
        if user and expected and hmac.compare_digest(token, expected):
            self.set_signed_cookie("oncall_user", user, httponly=True, secure=True)
            self.redirect("/rooms/general")
        else:
            self.send_error(403)


def make_app() -> tornado.web.Application:
    store = MessageStore()
    settings = {
        "cookie_secret": os.environ["ONCALL_COOKIE_SECRET"],
        "debug": False,
        "xsrf_cookies": True,
        "login_url": "/login",
    }
    return tornado.web.Application([
        tornado.web.url(r"/rooms/([a-z0-9-]{1,40})", RoomHandler, {"store": store}, name="room"),
        tornado.web.url(r"/login", LoginHandler, {"store": store}),
    ], **settings)


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
