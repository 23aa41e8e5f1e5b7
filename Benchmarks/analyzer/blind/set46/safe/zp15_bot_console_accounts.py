"""Account service for the Discord bot admin console.

Guild admins create a console login, then link it to their guild with the
one-time code the bot DMs them.
"""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import time

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

log = logging.getLogger("bot-console.accounts")
app = FastAPI(title="bot-console-accounts")
DB = "/var/lib/bot-console/accounts.db"
PBKDF2_ROUNDS = 310_000


class Signup(BaseModel):
    email: EmailStr
    password: str
    display_name: str


class Login(BaseModel):
    email: EmailStr
    password: str


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def hash_password(password: str, salt: bytes = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"{salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    salt_hex, _, _ = stored.partition("$")
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt_hex)), stored)


def make_reset_token(email: str) -> str:
    return secrets.token_urlsafe(24)


@app.post("/accounts", status_code=201)
def signup(body: Signup):
    if len(body.password) < 10:
        raise HTTPException(status_code=400, detail="password too short")
    with db() as conn:
        try:
            conn.execute(
                "INSERT INTO accounts (email, display_name, password_hash) VALUES (?, ?, ?)",
                (body.email, body.display_name, hash_password(body.password)),
            )
        except sqlite3.IntegrityError:
            raise HTTPException(status_code=409, detail="account exists")
    return {"email": body.email}


@app.post("/sessions")
def login(body: Login):
    with db() as conn:
        row = conn.execute("SELECT id, password_hash FROM accounts WHERE email = ?", (body.email,)).fetchone()
    if row is None or not check_password(body.password, row["password_hash"]):
        log.info("failed console login for %r", body.email)
        raise HTTPException(status_code=401, detail="invalid credentials")
    return {"account_id": row["id"]}


@app.post("/accounts/{email}/reset")
def request_reset(email: str):
    token = make_reset_token(email)
    with db() as conn:
        conn.execute(
            "UPDATE accounts SET reset_token = ?, reset_expires = ? WHERE email = ?",
            (token, int(time.time()) + 900, email),
        )
    # the mailer worker picks up rows with a fresh reset_token
    return {"status": "sent"}
