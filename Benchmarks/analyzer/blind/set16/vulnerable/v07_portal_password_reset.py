"""Password reset flow for the customer portal (FastAPI microservice)."""
import hashlib
import logging
import os
import random
import string
import time

import psycopg2
from fastapi import FastAPI, Form, HTTPException

app = FastAPI()
log = logging.getLogger("portal.reset")
TOKEN_TTL = 30 * 60
RESET_URL = os.environ.get("RESET_URL", "https://portal.example.com/reset")


def db():
    return psycopg2.connect(os.environ["PORTAL_DSN"])


def make_token(length=40):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # VULN


def store_token(cur, user_id, token):
    digest = hashlib.sha256(token.encode()).hexdigest()
    cur.execute(
        "INSERT INTO password_resets (user_id, token_sha256, expires_at) "
        "VALUES (%s, %s, to_timestamp(%s))",
        (user_id, digest, time.time() + TOKEN_TTL),
    )


def queue_mail(cur, email, link):
    cur.execute(
        "INSERT INTO outbound_mail (recipient, template, payload) VALUES (%s, 'reset', %s)",
        (email, link),
    )


@app.post("/password/reset")
def request_reset(email: str = Form(...)):
    address = email.strip().lower()
    with db() as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM users WHERE lower(email) = %s", (address,))
        row = cur.fetchone()
        log.info("password reset requested for %s", address)  # VULN flow
        if row:
            token = make_token()
            store_token(cur, row[0], token)
            queue_mail(cur, address, f"{RESET_URL}?token={token}")
    return {"status": "If the address exists, a link has been sent."}


@app.post("/password/reset/confirm")
def confirm_reset(token: str = Form(...), new_password: str = Form(...)):
    if len(new_password) < 12:
        raise HTTPException(status_code=400, detail="password too short")
    digest = hashlib.sha256(token.encode()).hexdigest()
    with db() as conn, conn.cursor() as cur:
        cur.execute(
            "DELETE FROM password_resets WHERE token_sha256 = %s AND expires_at > now() RETURNING user_id",
            (digest,),
        )
        row = cur.fetchone()
        if row is None:
            raise HTTPException(status_code=400, detail="invalid or expired token")
        salt = os.urandom(16)
        pw_hash = hashlib.scrypt(new_password.encode(), salt=salt, n=2**14, r=8, p=1)
        cur.execute(
            "UPDATE users SET pw_salt = %s, pw_hash = %s WHERE id = %s",
            (salt.hex(), pw_hash.hex(), row[0]),
        )
    log.info("password changed for user id %d", row[0])
    return {"status": "password updated"}
