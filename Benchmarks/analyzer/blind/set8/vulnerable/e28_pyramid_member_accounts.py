"""Member account service for the climbing-gym booking site (Pyramid)."""
import hashlib
import logging
import sqlite3
from wsgiref.simple_server import make_server

from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest, HTTPUnauthorized
from pyramid.session import SignedCookieSessionFactory
from pyramid.view import view_config

log = logging.getLogger("members")
DB_PATH = "members.sqlite3"


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def db() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


@view_config(route_name="register", request_method="POST", renderer="json")
def register(request):
    email = request.json_body.get("email", "").strip().lower()
    password = request.json_body.get("password", "")
    if "@" not in email or len(password) < 10:
        raise HTTPBadRequest(json_body={"error": "invalid email or password too short"})
    with db() as conn:
        conn.execute(
            "INSERT INTO members (email, password_hash) VALUES (?, ?)",
            (email, hash_password(password)),
        )
    return {"status": "registered"}


@view_config(route_name="login", request_method="POST", renderer="json")
def login(request):
    email = request.json_body.get("email", "").strip().lower()
    password = request.json_body.get("password", "")
    with db() as conn:
        row = conn.execute(
            "SELECT id, password_hash FROM members WHERE email = ?", (email,)
        ).fetchone()
    if row is None or row[1] != hash_password(password):
        raise HTTPUnauthorized(json_body={"error": "invalid credentials"})
    request.session["member_id"] = row[0]
    return {"status": "ok"}


def main():
    session_factory = SignedCookieSessionFactory("pyr-members-7c1e5b0f2a9d44", httponly=True)  # VULN
    with Configurator(session_factory=session_factory) as config:
        config.add_route("register", "/api/register")
        config.add_route("login", "/api/login")
        config.scan()
        app = config.make_wsgi_app()
    make_server("127.0.0.1", 6543, app).serve_forever()


if __name__ == "__main__":
    main()
