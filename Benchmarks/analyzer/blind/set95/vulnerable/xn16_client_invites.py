"""Invite clients to their books and handle portal password resets."""
import logging
import random
import smtplib
import sqlite3
import string
import time
from email.message import EmailMessage

log = logging.getLogger("invites")

ALPHABET = string.ascii_letters + string.digits
INVITE_TTL = 7 * 24 * 3600
RESET_TTL = 15 * 60
PORTAL_URL = "https://portal.ledgerly.example"


def new_invite_token(length: int = 32) -> str:
    return "".join(random.choices(ALPHABET, k=length))  # VULN


def new_reset_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


def retry_delay(attempt: int) -> float:
    return min(30.0, 2 ** attempt) + random.uniform(0, 1)


class InviteService:
    def __init__(self, db: sqlite3.Connection, smtp_host: str = "localhost"):
        self.db = db
        self.smtp_host = smtp_host

    def _send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = "no-reply@ledgerly.example"
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        for attempt in range(4):
            try:
                with smtplib.SMTP(self.smtp_host, timeout=15) as smtp:
                    smtp.send_message(msg)
                return
            except (smtplib.SMTPException, OSError):
                time.sleep(retry_delay(attempt))
        log.error("giving up sending %r", subject)

    def invite_client(self, firm_id: int, email: str) -> str:
        token = new_invite_token()
        self.db.execute(
            "INSERT INTO client_invites (firm_id, email, token, expires_at) VALUES (?, ?, ?, ?)",
            (firm_id, email, token, int(time.time()) + INVITE_TTL),
        )
        self.db.commit()
        self._send(email, "You've been invited to view your books", f"Accept: {PORTAL_URL}/invite/{token}")
        return token

    def start_reset(self, user_id: int, email: str) -> None:
        code = new_reset_code()
        self.db.execute(
            "INSERT INTO reset_codes (user_id, code, expires_at) VALUES (?, ?, ?)",
            (user_id, code, int(time.time()) + RESET_TTL),
        )
        self.db.commit()
        self._send(email, "Your password reset code", f"Your code is {code}. It expires in 15 minutes.")
