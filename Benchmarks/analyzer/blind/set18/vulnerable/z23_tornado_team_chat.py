"""Lightweight team chat rooms for the on-call rotation (Tornado)."""
import collections
import os
import time

import tornado.ioloop
import tornado.web

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
        self.write(page)  # VULN flow

    @tornado.web.authenticated
    def post(self, room: str) -> None:
        text = self.get_body_argument("text", "").strip()
        if text:
            self.store.add(room, self.current_user, text[:2000])
        self.redirect(self.reverse_url("room", room))

    def render_room(self, room: str, messages: list[dict]) -> str:
        items = "\n".join(
            f'<li><b>{m["author"]}</b> <time>{time.strftime("%H:%M", time.localtime(m["ts"]))}'
            f'</time> {m["text"]}</li>'
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
        if user and token == os.environ.get("ONCALL_SHARED_TOKEN"):
            self.set_signed_cookie("oncall_user", user, httponly=True, secure=True)
            self.redirect("/rooms/general")
        else:
            self.send_error(403)


def make_app() -> tornado.web.Application:
    store = MessageStore()
    settings = {
        "cookie_secret": "d41f8a7c0b6e4e2f9a13c5b7e8d90f21",  # VULN
        "debug": True,  # VULN
        "xsrf_cookies": True,
        "login_url": "/login",
    }
    return tornado.web.Application([
        tornado.web.url(r"/rooms/([^/]+)", RoomHandler, {"store": store}, name="room"),
        tornado.web.url(r"/login", LoginHandler, {"store": store}),
    ], **settings)


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
