"""Online petition signing service for the neighbourhood association.

Signers confirm by e-mail; they may also set a short PIN so they can later
withdraw their signature.
"""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

log = logging.getLogger("petitions")
app = FastAPI(title="Petitions")
DB_PATH = "/var/lib/petitions/petitions.db"
CONFIRM_URL = "https://act.oakhillneighbors.org/confirm/{token}"


class SignRequest(BaseModel):
    petition_id: int
    full_name: str
    email: EmailStr
    postcode: str
    withdraw_pin: str = ""


class WithdrawRequest(BaseModel):
    petition_id: int
    email: EmailStr
    withdraw_pin: str


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def confirmation_token(email: str) -> str:
    return secrets.token_urlsafe(32)


def pin_digest(pin: str, salt: bytes = b"") -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + "$" + digest.hex()


def pin_matches(pin: str, stored: str) -> bool:
    if not stored or "$" not in stored:
        return False
    salt_hex = stored.split("$", 1)[0]
    return hmac.compare_digest(stored, pin_digest(pin, bytes.fromhex(salt_hex)))


@app.post("/petitions/sign")
def sign(req: SignRequest):
    if req.withdraw_pin and not (4 <= len(req.withdraw_pin) <= 12):
        raise HTTPException(422, "PIN must be 4-12 characters")
    token = confirmation_token(req.email)
    with db() as conn:
        exists = conn.execute(
            "SELECT 1 FROM signatures WHERE petition_id = ? AND email = ?", (req.petition_id, req.email)
        ).fetchone()
        if exists:
            raise HTTPException(409, "already signed")
        conn.execute(
            "INSERT INTO signatures (petition_id, full_name, email, postcode, pin_hash, confirm_token, confirmed) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            (req.petition_id, req.full_name, req.email, req.postcode,
             pin_digest(req.withdraw_pin) if req.withdraw_pin else None, token),
        )
    log.info("signature pending confirmation on petition %d", req.petition_id)
    return {"status": "pending", "confirm_url_sent": True, "link": CONFIRM_URL.format(token="…")}


@app.get("/petitions/confirm/{token}")
def confirm(token: str):
    with db() as conn:
        cur = conn.execute("UPDATE signatures SET confirmed = 1 WHERE confirm_token = ?", (token,))
    if cur.rowcount == 0:
        raise HTTPException(404, "unknown or used token")
    return {"status": "confirmed"}


@app.post("/petitions/withdraw")
def withdraw(req: WithdrawRequest):
    with db() as conn:
        row = conn.execute(
            "SELECT id, pin_hash FROM signatures WHERE petition_id = ? AND email = ?",
            (req.petition_id, req.email),
        ).fetchone()
        if row is None or not pin_matches(req.withdraw_pin, row["pin_hash"]):
            raise HTTPException(403, "email/PIN did not match")
        conn.execute("DELETE FROM signatures WHERE id = ?", (row["id"],))
    return {"status": "withdrawn"}
