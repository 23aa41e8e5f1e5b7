"""Password reset flow: issue single-use tokens and email reset links."""
import hashlib
import random
import smtplib
import sqlite3
import string
import time
from email.message import EmailMessage

RESET_TTL = 30 * 60
BASE_URL = "https://accounts.example.com/reset"
ALPHABET = string.ascii_letters + string.digits


def generate_token(length=40):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


class ResetService:
    def __init__(self, db_path="accounts.db", smtp_host="localhost"):
        self.conn = sqlite3.connect(db_path)
        self.smtp_host = smtp_host

    def request_reset(self, email):
        row = self.conn.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()
        if row is None:
            return False
        token = generate_token()
        digest = hashlib.sha256(token.encode()).hexdigest()
        self.conn.execute(
            "INSERT INTO reset_tokens (user_id, token_hash, expires_at) VALUES (?, ?, ?)",
            (row[0], digest, int(time.time()) + RESET_TTL),
        )
        self.conn.commit()
        self._send(email, f"{BASE_URL}?token={token}")
        return True

    def consume(self, token):
        digest = hashlib.sha256(token.encode()).hexdigest()
        row = self.conn.execute(
            "SELECT user_id, expires_at FROM reset_tokens WHERE token_hash = ?", (digest,)
        ).fetchone()
        if row is None or row[1] < time.time():
            return None
        self.conn.execute("DELETE FROM reset_tokens WHERE token_hash = ?", (digest,))
        self.conn.commit()
        return row[0]

    def _send(self, to_addr, link, attempts=3):
        msg = EmailMessage()
        msg["Subject"] = "Reset your password"
        msg["From"] = "no-reply@example.com"
        msg["To"] = to_addr
        msg.set_content(f"Use this link within 30 minutes:\n\n{link}\n")
        for attempt in range(attempts):
            try:
                with smtplib.SMTP(self.smtp_host, timeout=10) as smtp:
                    smtp.send_message(msg)
                return
            except OSError:
                # back off with jitter so retries from many workers spread out
                time.sleep((2 ** attempt) + random.uniform(0, 0.5))
        raise RuntimeError("could not deliver reset email")
