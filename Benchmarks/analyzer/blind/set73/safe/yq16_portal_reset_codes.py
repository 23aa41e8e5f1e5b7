"""Password-reset links and phone verification codes for the customer portal."""
import datetime as dt
import hashlib
import hmac
import logging
import secrets
import sqlite3
import string

log = logging.getLogger("portal.reset")

TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TTL = dt.timedelta(minutes=30)
CODE_TTL = dt.timedelta(minutes=5)
RESET_URL = "https://support.example-crm.com/portal/reset?token={token}"


class ResetService:
    def __init__(self, db_path, mailer, sms, password_hasher):
        self.db = sqlite3.connect(db_path)
        self.mailer = mailer
        self.sms = sms
        self.password_hasher = password_hasher

    @staticmethod
    def _digest(value: str) -> str:
        return hashlib.sha256(value.encode()).hexdigest()

    def _new_token(self, length: int = 32) -> str:
        return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))

    def request_reset(self, email: str) -> None:
        row = self.db.execute("SELECT id FROM customers WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            log.info("reset requested for unknown address")
            return
        token = self._new_token()
        expires = dt.datetime.utcnow() + RESET_TTL
        with self.db:
            self.db.execute(
                "INSERT INTO reset_tokens (customer_id, token_hash, expires_at) VALUES (?, ?, ?)",
                (row[0], self._digest(token), expires.isoformat()),
            )
        self.mailer.send(email, "Reset your password", RESET_URL.format(token=token))

    def confirm_reset(self, token: str, new_password: str) -> bool:
        row = self.db.execute(
            "SELECT customer_id, expires_at FROM reset_tokens WHERE token_hash = ?",
            (self._digest(token),),
        ).fetchone()
        if row is None or dt.datetime.fromisoformat(row[1]) < dt.datetime.utcnow():
            return False
        with self.db:
            self.db.execute("UPDATE customers SET pw_hash = ? WHERE id = ?",
                            (self.password_hasher(new_password), row[0]))
            self.db.execute("DELETE FROM reset_tokens WHERE customer_id = ?", (row[0],))
        return True

    def send_phone_code(self, customer_id: int, phone: str) -> None:
        code = "%06d" % secrets.randbelow(1_000_000)
        expires = dt.datetime.utcnow() + CODE_TTL
        with self.db:
            self.db.execute(
                "REPLACE INTO phone_codes (customer_id, code_hash, expires_at) VALUES (?, ?, ?)",
                (customer_id, self._digest(code), expires.isoformat()),
            )
        self.sms.send(phone, f"Your verification code is {code}")

    def check_phone_code(self, customer_id: int, code: str) -> bool:
        row = self.db.execute(
            "SELECT code_hash, expires_at FROM phone_codes WHERE customer_id = ?", (customer_id,)
        ).fetchone()
        if row is None or dt.datetime.fromisoformat(row[1]) < dt.datetime.utcnow():
            return False
        return hmac.compare_digest(row[0], self._digest(code))

