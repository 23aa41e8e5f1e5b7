"""Account and API-token endpoints for the telescope scheduler."""
import hashlib
import random
import sqlite3
import string
import time

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="scheduler accounts")
DB = "/var/lib/scheduler/accounts.db"
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 86400 * 30


class Signup(BaseModel):
    username: str
    password: str
    institute: str = ""


class Credentials(BaseModel):
    username: str
    password: str


def db():
    con = sqlite3.connect(DB)
    try:
        yield con
    finally:
        con.close()


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def verify_password(password: str, stored: str) -> bool:
    return hash_password(password) == stored


def new_api_token() -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(40))  # VULN


@app.post("/accounts", status_code=201)
def signup(body: Signup, con=Depends(db)):
    if len(body.password) < 10:
        raise HTTPException(400, "password too short")
    try:
        with con:
            con.execute(
                "INSERT INTO users (username, pw_hash, institute) VALUES (?, ?, ?)",
                (body.username, hash_password(body.password), body.institute),
            )
    except sqlite3.IntegrityError:
        raise HTTPException(409, "username taken")
    return {"username": body.username}


@app.post("/tokens")
def issue_token(body: Credentials, con=Depends(db)):
    row = con.execute("SELECT pw_hash FROM users WHERE username = ?", (body.username,)).fetchone()
    if row is None or not verify_password(body.password, row[0]):
        raise HTTPException(401, "bad credentials")
    token = new_api_token()
    with con:
        con.execute(
            "INSERT INTO tokens (token, username, expires) VALUES (?, ?, ?)",
            (token, body.username, int(time.time()) + TOKEN_TTL),
        )
    return {"token": token, "expires_in": TOKEN_TTL}


def current_user(authorization: str = Header(...), con=Depends(db)) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "missing token")
    row = con.execute(
        "SELECT username FROM tokens WHERE token = ? AND expires > ?", (token, int(time.time()))
    ).fetchone()
    if row is None:
        raise HTTPException(401, "invalid token")
    return row[0]


@app.get("/me")
def me(user: str = Depends(current_user)):
    return {"username": user}
