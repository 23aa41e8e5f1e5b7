"""Session handling and password reset for the archive portal."""
import hashlib
import hmac
import logging
import secrets
import smtplib
import sqlite3
import time
from email.message import EmailMessage

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DB = "/var/lib/archive-portal/users.db"
SESSION_TTL = 8 * 3600
RESET_TTL = 900
MAX_RESET_ATTEMPTS = 5
SESSIONS: dict = {}
RESET_CODES: dict = {}

log = logging.getLogger("portal.sessions")


def check_password(username: str, password: str) -> bool:
    con = sqlite3.connect(DB)
    try:
        row = con.execute("SELECT salt, pw_hash FROM users WHERE username = ?", (username,)).fetchone()
    finally:
        con.close()
    if row is None:
        return False
    salt, stored = row
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2 ** 14, r=8, p=1).hex()
    return hmac.compare_digest(digest, stored)


def new_session_token(username: str) -> str:
    seed = username.encode() + secrets.token_bytes(32)
    return hashlib.sha256(seed).hexdigest()


def new_reset_code() -> str:
    return str(100000 + secrets.randbelow(900000))


def send_mail(to_addr: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "archive@obs.example", to_addr, subject
    msg.set_content(body)
    with smtplib.SMTP("localhost", 25, timeout=10) as smtp:
        smtp.send_message(msg)


async def login(request: Request) -> JSONResponse:
    form = await request.json()
    username, password = form.get("username", ""), form.get("password", "")
    if not check_password(username, password):
        return JSONResponse({"error": "invalid credentials"}, status_code=401)
    token = new_session_token(username)
    SESSIONS[token] = (username, time.time() + SESSION_TTL)
    resp = JSONResponse({"user": username})
    resp.set_cookie("archive_session", token, httponly=True, secure=True, samesite="lax")
    return resp


async def request_reset(request: Request) -> JSONResponse:
    email = (await request.json()).get("email", "")
    con = sqlite3.connect(DB)
    try:
        row = con.execute("SELECT username FROM users WHERE email = ?", (email,)).fetchone()
    finally:
        con.close()
    if row is not None:
        code = new_reset_code()
        RESET_CODES[row[0]] = [code, time.time() + RESET_TTL, 0]
        send_mail(email, "Archive password reset", f"Your reset code is {code}")
    return JSONResponse({"sent": True})


async def confirm_reset(request: Request) -> JSONResponse:
    body = await request.json()
    entry = RESET_CODES.get(body.get("username", ""))
    if entry is None or entry[1] < time.time() or entry[2] >= MAX_RESET_ATTEMPTS:
        return JSONResponse({"error": "invalid code"}, status_code=400)
    entry[2] += 1
    if not hmac.compare_digest(entry[0], str(body.get("code"))):
        return JSONResponse({"error": "invalid code"}, status_code=400)
    RESET_CODES.pop(body["username"], None)
    token = new_session_token(body["username"])
    SESSIONS[token] = (body["username"], time.time() + 600)
    return JSONResponse({"reset_token": token})


app = Starlette(routes=[
    Route("/login", login, methods=["POST"]),
    Route("/password/reset", request_reset, methods=["POST"]),
    Route("/password/reset/confirm", confirm_reset, methods=["POST"]),
])
