"""Password reset for the rewards website / app."""
import hashlib
import logging
import os
import secrets
import smtplib
import ssl
import time
from email.message import EmailMessage
from typing import Dict, Tuple

from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("rewards.reset")
app = FastAPI(title="rewards-account")

SMTP_HOST = "smtp.mailrelay.example-retail.com"
SMTP_PORT = 587
SMTP_USER = "rewards-notify"
SMTP_PASSWORD = os.environ["REWARDS_SMTP_PASSWORD"]
RESET_URL = "https://rewards.example-retail.com/reset?token={token}"
RESET_TTL = 1800

MEMBERS: Dict[str, dict] = {}
_tokens: Dict[str, Tuple[str, float]] = {}


class ResetRequest(BaseModel):
    email: str


class ResetConfirm(BaseModel):
    token: str
    new_password: str


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def issue_reset_token(email: str) -> str:
    token = secrets.token_urlsafe(32)
    _tokens[token] = (email, time.time() + RESET_TTL)
    return token


def send_reset_mail(email: str, token: str) -> None:
    msg = EmailMessage()
    msg["From"] = "Rewards <no-reply@example-retail.com>"
    msg["To"] = email
    msg["Subject"] = "Reset your Rewards password"
    msg.set_content(f"Use this link within 30 minutes:\n{RESET_URL.format(token=token)}\n")
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=20) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


@app.post("/rewards/password-reset")
def request_reset(req: ResetRequest, background: BackgroundTasks):
    member = MEMBERS.get(req.email.strip().lower())
    if member is not None:
        token = issue_reset_token(member["email"])
        background.add_task(send_reset_mail, member["email"], token)
    return {"status": "If the address is registered, a reset link has been sent."}


@app.post("/rewards/password-reset/confirm")
def confirm_reset(req: ResetConfirm):
    entry = _tokens.pop(req.token, None)
    if entry is None or entry[1] < time.time():
        raise HTTPException(status_code=400, detail="invalid or expired token")
    email = entry[0]
    if len(req.new_password) < 10:
        raise HTTPException(status_code=400, detail="password too short")
    MEMBERS[email]["password_hash"] = hash_password(req.new_password)
    MEMBERS[email]["password_changed_at"] = int(time.time())
    log.info("password reset completed for member %s", MEMBERS[email].get("id"))
    return {"status": "password updated"}
