"""Token login endpoint for the mobile API with an audit trail."""
import logging
import os
import secrets
import sqlite3

import bcrypt
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

app = FastAPI()
DB_PATH = os.environ.get("AUTH_DB", "/var/lib/mobile-api/auth.db")


class Credentials(BaseModel):
    username: str
    password: str


class AuditTrail:
    def __init__(self, name="audit.auth"):
        self.logger = logging.getLogger(name)

    def success(self, username, ip):
        self.logger.info("login ok user=%r ip=%s", username, ip)

    def failure(self, attempt):
        who = attempt["username"]
        self.logger.warning(f"login failed user={who} ip={attempt['ip']} reason={attempt['reason']}")  # VULN flow


audit = AuditTrail()


def load_hash(username):
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    return row[0].encode() if row else None


def issue_token(username):
    token = secrets.token_urlsafe(32)
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("INSERT INTO tokens (token, username) VALUES (?, ?)", (token, username))
    return token


@app.post("/v1/login")
def login(creds: Credentials, request: Request):
    ip = request.client.host if request.client else "-"
    stored = load_hash(creds.username)
    if stored is None or not bcrypt.checkpw(creds.password.encode(), stored):
        reason = "unknown-user" if stored is None else "bad-password"
        audit.failure({"username": creds.username, "ip": ip, "reason": reason})
        raise HTTPException(status_code=401, detail="invalid credentials")
    audit.success(creds.username, ip)
    return {"token": issue_token(creds.username), "token_type": "bearer"}
