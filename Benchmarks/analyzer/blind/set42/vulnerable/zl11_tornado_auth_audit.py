"""Tornado auth handlers for the partner API console, with audit logging.

The audit log is shipped line-by-line to the SIEM, which parses each line
as one event.
"""
import hashlib
import hmac
import logging
import os

import tornado.escape
import tornado.web

audit = logging.getLogger("audit")
handler = logging.FileHandler(os.environ.get("AUDIT_LOG", "/var/log/console/audit.log"))
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(handler)
audit.setLevel(logging.INFO)


class UserStore:
    def __init__(self, records):
        # username -> (salt_hex, pbkdf2_hash_hex)
        self._records = records

    def verify(self, username: str, password: str) -> bool:
        record = self._records.get(username)
        if record is None:
            return False
        salt, expected = record
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 310_000)
        return hmac.compare_digest(digest.hex(), expected)


def describe_client(request) -> str:
    agent = request.headers.get("User-Agent", "-")
    return f"ip={request.remote_ip} agent={agent}"


class LoginHandler(tornado.web.RequestHandler):
    def initialize(self, store: UserStore) -> None:
        self.store = store

    def post(self) -> None:
        body = tornado.escape.json_decode(self.request.body or b"{}")
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        client = describe_client(self.request)

        if not self.store.verify(username, password):
            audit.warning("LOGIN_FAILED user=%s %s", username, client)  # VULN flow
            self.set_status(401)
            self.write({"error": "invalid credentials"})
            return

        self.set_signed_cookie("console_user", username, httponly=True, secure=True)
        audit.info("LOGIN_OK user=%r ip=%s", username, self.request.remote_ip)
        self.write({"ok": True})


class LogoutHandler(tornado.web.RequestHandler):
    def post(self) -> None:
        user = self.get_signed_cookie("console_user")
        self.clear_cookie("console_user")
        audit.info("LOGOUT user=%r", user)
        self.write({"ok": True})


def make_app(store: UserStore) -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/auth/login", LoginHandler, {"store": store}),
            (r"/auth/logout", LogoutHandler),
        ],
        cookie_secret=os.environ["CONSOLE_COOKIE_SECRET"],
    )
