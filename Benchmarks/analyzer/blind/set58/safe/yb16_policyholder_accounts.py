"""Policyholder self-service portal: account registration and login."""
import hashlib
import hmac
import logging
import os
import sqlite3
from contextlib import closing

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, constr

app = FastAPI(title="policyholder-portal")
log = logging.getLogger("portal.accounts")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/accounts.db")
PBKDF2_ITERATIONS = 600_000


class Registration(BaseModel):
    email: EmailStr
    policy_number: constr(min_length=6, max_length=20)
    password: constr(min_length=10, max_length=128)


class Login(BaseModel):
    email: EmailStr
    password: str


class AccountRepository:
    def __init__(self, path: str):
        self.path = path

    def _conn(self):
        return sqlite3.connect(self.path)

    @staticmethod
    def hash_password(password: str, salt: bytes = None) -> str:
        salt = salt or os.urandom(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
        return "pbkdf2_sha256$%d$%s$%s" % (PBKDF2_ITERATIONS, salt.hex(), digest.hex())

    @staticmethod
    def check_password(password: str, stored: str) -> bool:
        _, iterations, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"),
                                     bytes.fromhex(salt_hex), int(iterations))
        return hmac.compare_digest(digest.hex(), digest_hex)

    def create(self, email: str, policy_number: str, password: str) -> int:
        with closing(self._conn()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO accounts (email, policy_number, password_hash) VALUES (?, ?, ?)",
                (email.lower(), policy_number, self.hash_password(password)),
            )
            return cur.lastrowid

    def verify(self, email: str, password: str) -> bool:
        with closing(self._conn()) as conn:
            row = conn.execute(
                "SELECT password_hash FROM accounts WHERE email = ?", (email.lower(),)
            ).fetchone()
        if row is None:
            return False
        return self.check_password(password, row[0])


repo = AccountRepository(DB_PATH)


@app.post("/accounts", status_code=201)
def register(body: Registration):
    try:
        account_id = repo.create(body.email, body.policy_number, body.password)
    except sqlite3.IntegrityError:
        raise HTTPException(status_code=409, detail="account already exists")
    log.info("registered account %s for policy %r", account_id, body.policy_number)
    return {"id": account_id}


@app.post("/login")
def login(body: Login):
    if not repo.verify(body.email, body.password):
        log.warning("failed login for %r", body.email)
        raise HTTPException(status_code=401, detail="invalid credentials")
    return {"ok": True}
