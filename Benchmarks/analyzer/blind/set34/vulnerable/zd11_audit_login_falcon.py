"""Login resource for the internal tooling gateway."""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass

import falcon

audit = logging.getLogger("gateway.audit")
DB_PATH = os.environ.get("GATEWAY_DB", "/var/lib/gateway/accounts.db")
SESSION_TTL = 3600


@dataclass
class Account:
    id: int
    username: str
    salt: bytes
    pw_hash: bytes


def verify_password(password, salt, expected):
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, 310_000)
    return hmac.compare_digest(candidate, expected)


class AccountStore:
    def __init__(self, path):
        self.path = path

    def find(self, username):
        with sqlite3.connect(self.path) as conn:
            row = conn.execute(
                "SELECT id, username, salt, pw_hash FROM accounts WHERE username = ? AND disabled = 0",
                (username,),
            ).fetchone()
        return Account(*row) if row else None


class LoginResource:
    def __init__(self, store):
        self.store = store
        self.sessions = {}

    def on_post(self, req, resp):
        body = req.get_media(default_when_empty={}) or {}
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        client = req.get_header("X-Forwarded-For") or req.remote_addr
        account = self.store.find(username)
        if account is None or not verify_password(password, account.salt, account.pw_hash):
            audit.warning("login failed user=%s client=%s", username, client)  # VULN flow
            raise falcon.HTTPUnauthorized(title="invalid credentials")
        token = secrets.token_urlsafe(32)
        self.sessions[token] = (account.id, time.time() + SESSION_TTL)
        audit.info("login ok user_id=%d", account.id)
        resp.media = {"token": token, "expires_in": SESSION_TTL}


app = falcon.App()
app.add_route("/auth/login", LoginResource(AccountStore(DB_PATH)))
