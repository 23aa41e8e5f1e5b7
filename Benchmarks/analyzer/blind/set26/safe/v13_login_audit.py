"""Tornado auth service with an audit trail of login attempts."""
import logging
import os

import bcrypt
import tornado.ioloop
import tornado.web

audit_log = logging.getLogger("audit")


class UserRepository:
    def __init__(self):
        self._hashes = {}

    def add(self, username: str, password: str) -> None:
        self._hashes[username] = bcrypt.hashpw(password.encode(), bcrypt.gensalt())

    def authenticate(self, username: str, password: str) -> bool:
        stored = self._hashes.get(username)
        return stored is not None and bcrypt.checkpw(password.encode(), stored)


class AuditTrail:
    def __init__(self, logger: logging.Logger):
        self.logger = logger

    def success(self, username: str, remote_ip: str) -> None:
        self.logger.info("login ok user=%r ip=%r", username, remote_ip)

    def failure(self, username: str, remote_ip: str, reason: str) -> None:
        self.logger.warning("login failed user=%r ip=%r reason=%r", username, remote_ip, reason)


class BaseHandler(tornado.web.RequestHandler):
    @property
    def users(self) -> UserRepository:
        return self.application.settings["users"]

    @property
    def audit(self) -> AuditTrail:
        return self.application.settings["audit"]


class LoginHandler(BaseHandler):
    def post(self):
        username = self.get_body_argument("username", "")
        password = self.get_body_argument("password", "")
        if not username or not password:
            self.audit.failure(username, self.request.remote_ip, "missing-credentials")
            raise tornado.web.HTTPError(400)
        if not self.users.authenticate(username, password):
            self.audit.failure(username, self.request.remote_ip, "bad-password")
            raise tornado.web.HTTPError(401)
        self.set_secure_cookie("user", username)
        self.audit.success(username, self.request.remote_ip)
        self.write({"ok": True})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/login", LoginHandler)],
        cookie_secret=os.environ["COOKIE_SECRET"],
        users=UserRepository(),
        audit=AuditTrail(audit_log),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
