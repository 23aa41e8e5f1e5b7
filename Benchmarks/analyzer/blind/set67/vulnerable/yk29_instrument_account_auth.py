"""Service accounts for sequencers and liquid handlers that push run data to the core API."""
import hashlib
import hmac
import os
import sqlite3
import time

import jwt
from aiohttp import web

DB_PATH = os.environ.get("INSTRUMENT_DB", "/var/lib/seqcore/instruments.sqlite")
JWT_SECRET = "seqcore-instrument-jwt-2019!"  # VULN
JWT_TTL = 3600


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def verify_password(password: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password), stored)


class AccountStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, pw TEXT, role TEXT, disabled INTEGER DEFAULT 0)"
        )

    def create(self, name, password, role="instrument"):
        with self.conn:
            self.conn.execute("INSERT INTO accounts (name, pw, role) VALUES (?, ?, ?)", (name, hash_password(password), role))

    def lookup(self, name):
        return self.conn.execute("SELECT name, pw, role, disabled FROM accounts WHERE name = ?", (name,)).fetchone()


def _claims(request):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise web.HTTPUnauthorized()
    try:
        return jwt.decode(header[7:], JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise web.HTTPUnauthorized()


async def login(request):
    body = await request.json()
    row = request.app["accounts"].lookup(str(body.get("name", "")))
    if row is None or row[3] or not verify_password(str(body.get("password", "")), row[1]):
        raise web.HTTPUnauthorized(text="bad credentials")
    now = int(time.time())
    token = jwt.encode({"sub": row[0], "role": row[2], "iat": now, "exp": now + JWT_TTL}, JWT_SECRET, algorithm="HS256")
    return web.json_response({"token": token, "expires_in": JWT_TTL})


async def register_instrument(request):
    if _claims(request).get("role") != "admin":
        raise web.HTTPForbidden()
    body = await request.json()
    name, password = str(body["name"]), str(body["password"])
    if len(password) < 16:
        raise web.HTTPBadRequest(text="instrument passwords must be at least 16 characters")
    request.app["accounts"].create(name, password)
    return web.json_response({"created": name}, status=201)


def make_app():
    app = web.Application()
    app["accounts"] = AccountStore(DB_PATH)
    app.router.add_post("/auth/login", login)
    app.router.add_post("/admin/instruments", register_instrument)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8443)
