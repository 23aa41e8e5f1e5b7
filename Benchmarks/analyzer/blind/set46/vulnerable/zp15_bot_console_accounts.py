"""Account service for the Discord bot admin console.

Guild admins create a console login, then link it to their guild with the
one-time code the bot DMs them.
"""
import hashlib
import logging
import sqlite3
import time

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

log = logging.getLogger("bot-console.accounts")
app = FastAPI(title="bot-console-accounts")
DB = "/var/lib/bot-console/accounts.db"


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


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def make_reset_token(email: str) -> str:
    seed = f"{email}:{int(time.time())}"
    return hashlib.sha1(seed.encode()).hexdigest()[:20]  # VULN


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
    if row is None or row["password_hash"] != hash_password(body.password):
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
