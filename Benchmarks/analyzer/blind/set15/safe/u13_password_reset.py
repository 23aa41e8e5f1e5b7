"""Password reset flow: token issuance and e-mail delivery."""
import logging
import os
import random
import secrets
import smtplib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage

logger = logging.getLogger("identity.reset")

SMTP_HOST = "smtp.mailrelay.internal"
SMTP_USER = "no-reply@helpdesk.example"
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
TOKEN_TTL = timedelta(minutes=30)


@dataclass
class ResetToken:
    user_id: int
    token: str
    expires_at: datetime


class TokenFactory:
    def __init__(self, nbytes: int = 32):
        self.nbytes = nbytes

    def new_token(self) -> str:
        return secrets.token_urlsafe(self.nbytes)

    def issue(self, user_id: int) -> ResetToken:
        return ResetToken(user_id, self.new_token(), datetime.now(timezone.utc) + TOKEN_TTL)


class Mailer:
    def __init__(self, host: str = SMTP_HOST, user: str = SMTP_USER, password: str = SMTP_PASSWORD):
        self.host, self.user, self.password = host, user, password

    def send(self, to_addr: str, subject: str, body: str, attempts: int = 3) -> None:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.user, to_addr, subject
        msg.set_content(body)
        for attempt in range(1, attempts + 1):
            try:
                with smtplib.SMTP(self.host, 587, timeout=10) as smtp:
                    smtp.starttls()
                    smtp.login(self.user, self.password)
                    smtp.send_message(msg)
                return
            except smtplib.SMTPException as exc:
                logger.warning("smtp attempt %d failed: %r", attempt, exc)
                time.sleep(2 ** attempt + random.uniform(0, 1))
        raise RuntimeError("mail delivery failed")


class PasswordResetService:
    def __init__(self, users, tokens, mailer: Mailer, factory: TokenFactory = None):
        self.users = users
        self.tokens = tokens
        self.mailer = mailer
        self.factory = factory or TokenFactory()

    def request_reset(self, email: str, base_url: str) -> None:
        user = self.users.find_by_email(email)
        if user is None:
            logger.info("reset requested for unknown account")
            return
        token = self.factory.issue(user.id)
        self.tokens.store(token.user_id, token.token, token.expires_at)
        link = f"{base_url}/reset/confirm?token={token.token}"
        self.mailer.send(user.email, "Reset your password", f"Use this link within 30 minutes:\n{link}\n")

    def confirm(self, token: str, new_password: str) -> bool:
        record = self.tokens.consume(token)
        if record is None or record.expires_at < datetime.now(timezone.utc):
            return False
        self.users.set_password(record.user_id, new_password)
        return True
