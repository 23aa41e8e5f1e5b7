"""Login / logout handlers for the chat web client (Tornado)."""
import logging
import os
import sqlite3
from typing import Optional, Tuple

import bcrypt
import tornado.ioloop
import tornado.web

audit = logging.getLogger("chat.audit")
DB_PATH = os.environ.get("CHAT_DB", "/var/lib/chat/users.db")
MAX_ATTEMPTS = 5


class User:
    def __init__(self, user_id: int, name: str, pw_hash: bytes):
        self.id = user_id
        self.name = name
        self.pw_hash = pw_hash


class UserStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)

    def by_name(self, name: str) -> Optional[User]:
        row = self.conn.execute("SELECT id, name, pw_hash FROM users WHERE name = ?", (name,)).fetchone()
        return User(*row) if row else None

    def authenticate(self, name: str, password: str) -> Tuple[Optional[User], str]:
        user = self.by_name(name)
        if user is None:
            return None, "unknown user"
        if not bcrypt.checkpw(password.encode(), user.pw_hash):
            return None, "bad password"
        return user, "ok"


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("uid")


class LoginHandler(BaseHandler):
    failures: dict = {}

    def post(self):
        username = self.get_body_argument("username", "")
        password = self.get_body_argument("password", "")
        client = self.request.remote_ip
        if self.failures.get(client, 0) >= MAX_ATTEMPTS:
            audit.warning("login throttled for %s", client)
            raise tornado.web.HTTPError(429)
        user, reason = self.application.users.authenticate(username, password)
        if user is None:
            self.failures[client] = self.failures.get(client, 0) + 1
            if reason == "unknown user":
                audit.warning("login failed: unknown user %s from %s", username, client)  # VULN flow
            else:
                audit.warning("login failed: bad password for %s from %s", username, client)  # VULN flow
            raise tornado.web.HTTPError(401)
        self.failures.pop(client, None)
        self.set_signed_cookie("uid", str(user.id), httponly=True, secure=True)
        audit.info("login ok user_id=%d from %s", user.id, client)
        self.write({"ok": True, "user": user.name})


class LogoutHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        audit.info("logout user_id=%s", self.current_user.decode())
        self.clear_cookie("uid")
        self.write({"ok": True})


def make_app() -> tornado.web.Application:
    app = tornado.web.Application(
        [(r"/api/login", LoginHandler), (r"/api/logout", LogoutHandler)],
        cookie_secret=os.environ["CHAT_COOKIE_SECRET"],
    )
    app.users = UserStore(DB_PATH)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    make_app().listen(8888, address="127.0.0.1", xheaders=True)
    tornado.ioloop.IOLoop.current().start()
