"""Account registration and login for the partner portal (aiohttp)."""
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Optional

import aiosqlite
from aiohttp import web

EMAIL_RE = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")
MIN_PASSWORD = 12
SCRYPT_PARAMS = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


@dataclass
class Account:
    id: int
    email: str
    password_hash: str


class AccountRepository:
    def __init__(self, db_path):
        self.db_path = db_path

    async def by_email(self, email) -> Optional[Account]:
        async with aiosqlite.connect(self.db_path) as db:
            sql = "SELECT id, email, password_hash FROM accounts WHERE email = ?"
            async with db.execute(sql, (email,)) as cur:
                row = await cur.fetchone()
        return Account(*row) if row else None

    async def insert(self, email, password_hash):
        async with aiosqlite.connect(self.db_path) as db:
            sql = "INSERT INTO accounts (email, password_hash) VALUES (?, ?)"
            cur = await db.execute(sql, (email, password_hash))
            await db.commit()
            return cur.lastrowid


def hash_password(password, salt=None):
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT_PARAMS)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password, stored):
    scheme, _, rest = stored.partition("$")
    salt_hex, _, _ = rest.partition("$")
    if scheme != "scrypt" or not salt_hex:
        return False
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt_hex)), stored)


def avatar_url(email):
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


async def read_credentials(request):
    data = await request.json()
    return str(data.get("email", "")).strip().lower(), str(data.get("password", ""))


class RegisterView(web.View):
    async def post(self):
        email, password = await read_credentials(self.request)
        if not EMAIL_RE.fullmatch(email) or len(password) < MIN_PASSWORD:
            raise web.HTTPBadRequest(text="invalid email or password too short")
        repo = self.request.app["accounts"]
        if await repo.by_email(email):
            raise web.HTTPConflict(text="account already exists")
        account_id = await repo.insert(email, hash_password(password))
        return web.json_response({"id": account_id, "avatar": avatar_url(email)}, status=201)


class LoginView(web.View):
    async def post(self):
        email, password = await read_credentials(self.request)
        account = await self.request.app["accounts"].by_email(email)
        if account is None or not verify_password(password, account.password_hash):
            raise web.HTTPUnauthorized(text="invalid credentials")
        token = secrets.token_urlsafe(32)
        self.request.app["sessions"][token] = account.id
        return web.json_response({"token": token, "avatar": avatar_url(account.email)})


def create_app(db_path):
    app = web.Application()
    app["accounts"] = AccountRepository(db_path)
    app["sessions"] = {}
    app.router.add_view("/accounts", RegisterView)
    app.router.add_view("/sessions", LoginView)
    return app
