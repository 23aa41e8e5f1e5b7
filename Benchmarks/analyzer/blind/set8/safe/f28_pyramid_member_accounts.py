"""Member account service for the climbing-gym booking site (Pyramid)."""
import hashlib
import hmac
import logging
import os
import sqlite3
from wsgiref.simple_server import make_server

from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest, HTTPUnauthorized
from pyramid.session import SignedCookieSessionFactory
from pyramid.view import view_config

log = logging.getLogger("members")
DB_PATH = "members.sqlite3"
SCRYPT_PARAMS = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT_PARAMS)
    return f"{salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    salt_hex, _, digest_hex = stored.partition("$")
    candidate = hash_password(password, bytes.fromhex(salt_hex))
    return hmac.compare_digest(candidate.partition("$")[2], digest_hex)


def db() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


@view_config(route_name="register", request_method="POST", renderer="json")
def register(request):
    email = request.json_body.get("email", "").strip().lower()
    password = request.json_body.get("password", "")
    if "@" not in email or len(password) < 10:
        raise HTTPBadRequest(json_body={"error": "invalid email or password too short"})
    with db() as conn:
        conn.execute("INSERT INTO members (email, password_hash) VALUES (?, ?)",
                     (email, hash_password(password)))
    return {"status": "registered"}


@view_config(route_name="login", request_method="POST", renderer="json")
def login(request):
    email = request.json_body.get("email", "").strip().lower()
    password = request.json_body.get("password", "")
    with db() as conn:
        row = conn.execute("SELECT id, password_hash FROM members WHERE email = ?", (email,)).fetchone()
    if row is None or not verify_password(password, row[1]):
        raise HTTPUnauthorized(json_body={"error": "invalid credentials"})
    request.session.invalidate()
    request.session["member_id"] = row[0]
    return {"status": "ok"}


def main(global_config=None, **settings):
    secret = settings.get("session.secret") or os.environ["MEMBERS_SESSION_SECRET"]
    session_factory = SignedCookieSessionFactory(secret, httponly=True, secure=True, samesite="Lax")
    with Configurator(settings=settings, session_factory=session_factory) as config:
        config.add_route("register", "/api/register")
        config.add_route("login", "/api/login")
        config.scan()
        return config.make_wsgi_app()


if __name__ == "__main__":
    make_server("127.0.0.1", 6543, main()).serve_forever()
