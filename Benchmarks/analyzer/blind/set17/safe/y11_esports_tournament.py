"""Tornado front-end for the e-sports tournament bracket service."""
import hashlib
import logging
import os
import secrets
from urllib.parse import urlsplit

import tornado.ioloop
import tornado.web

log = logging.getLogger("brackets.web")

SESSIONS = {}


def safe_next(target, default="/brackets"):
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        token = self.get_secure_cookie("session")
        if not token:
            return None
        return SESSIONS.get(token.decode())

    @property
    def accounts(self):
        return self.application.settings["accounts"]


class LoginHandler(BaseHandler):
    def get(self):
        self.render("login.html", next=self.get_argument("next", "/brackets"), error=None)

    def post(self):
        handle = self.get_argument("handle", "")
        password = self.get_argument("password", "")
        account = self.accounts.lookup(handle)
        if account is None or not account.check_password(password):
            log.info("failed login handle=%r", handle)
            self.set_status(401)
            self.render("login.html", next=self.get_argument("next", "/brackets"), error="bad credentials")
            return
        token = secrets.token_urlsafe(32)
        SESSIONS[token] = account.handle
        self.set_secure_cookie("session", token, httponly=True, secure=True, samesite="Lax")
        self.redirect(safe_next(self.get_argument("next", "/brackets")))


class BracketHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, tournament_id):
        bracket = self.application.settings["brackets"].get(tournament_id)
        if bracket is None:
            raise tornado.web.HTTPError(404)
        etag = hashlib.sha256(repr(bracket).encode()).hexdigest()
        self.set_header("ETag", etag)
        self.write({"tournament": tournament_id, "rounds": bracket})


class LogoutHandler(BaseHandler):
    def post(self):
        token = self.get_secure_cookie("session")
        if token:
            SESSIONS.pop(token.decode(), None)
        self.clear_cookie("session")
        self.redirect("/login")


def make_app(accounts, brackets):
    routes = [
        (r"/login", LoginHandler),
        (r"/logout", LogoutHandler),
        (r"/brackets/([0-9a-f]{8})", BracketHandler),
    ]
    settings = {
        "cookie_secret": os.environ["BRACKETS_COOKIE_SECRET"],
        "login_url": "/login",
        "template_path": os.path.join(os.path.dirname(__file__), "templates"),
        "xsrf_cookies": True,
        "accounts": accounts,
        "brackets": brackets,
    }
    return tornado.web.Application(routes, debug=False, **settings)


def main(accounts, brackets):
    app = make_app(accounts, brackets)
    app.listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
