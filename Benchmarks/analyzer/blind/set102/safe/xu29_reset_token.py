"""Password reset links and SMS one-time codes for the loyalty app."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

log = logging.getLogger("loyalty.reset")

RESET_TTL = timedelta(minutes=30)
OTP_TTL = timedelta(minutes=5)
RESET_URL = "https://rewards.harbourhotels.example/reset?token={token}"


@dataclass
class Member:
    id: int
    email: str
    phone: Optional[str]


class ResetService:
    def __init__(self, conn: sqlite3.Connection, mailer, sms):
        self.conn = conn
        self.mailer = mailer
        self.sms = sms

    @staticmethod
    def _now() -> datetime:
        return datetime.now(timezone.utc)

    @staticmethod
    def _digest(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    def issue_reset_link(self, member: Member) -> None:
        token = secrets.token_urlsafe(32)
        with self.conn:
            self.conn.execute(
                "INSERT INTO reset_tokens (member_id, token, expires_at) VALUES (?, ?, ?)",
                (member.id, self._digest(token), (self._now() + RESET_TTL).isoformat()),
            )
        self.mailer.send(member.email, "Reset your Harbour Rewards password", RESET_URL.format(token=token))
        log.info("reset link issued for member %s", member.id)

    def consume_reset_token(self, token: str) -> Optional[int]:
        digest = self._digest(token)
        row = self.conn.execute(
            "SELECT member_id, expires_at FROM reset_tokens WHERE token = ? AND used = 0", (digest,)
        ).fetchone()
        if row is None or datetime.fromisoformat(row[1]) < self._now():
            return None
        with self.conn:
            self.conn.execute("UPDATE reset_tokens SET used = 1 WHERE token = ?", (digest,))
        return row[0]

    def issue_sms_code(self, member: Member) -> None:
        if not member.phone:
            raise ValueError("member has no phone number")
        code = "%06d" % secrets.randbelow(1_000_000)
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO otp_codes (member_id, code, expires_at, attempts) VALUES (?, ?, ?, 0)",
                (member.id, self._digest(code), (self._now() + OTP_TTL).isoformat()),
            )
        self.sms.send(member.phone, f"Your Harbour Rewards code is {code}")

    def verify_sms_code(self, member_id: int, code: str) -> bool:
        row = self.conn.execute(
            "SELECT code, expires_at, attempts FROM otp_codes WHERE member_id = ?", (member_id,)
        ).fetchone()
        if row is None or row[2] >= 5 or datetime.fromisoformat(row[1]) < self._now():
            return False
        with self.conn:
            self.conn.execute("UPDATE otp_codes SET attempts = attempts + 1 WHERE member_id = ?", (member_id,))
        return hmac.compare_digest(row[0], self._digest(code))
