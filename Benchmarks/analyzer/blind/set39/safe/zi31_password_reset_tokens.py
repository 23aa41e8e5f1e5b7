import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Employee, PasswordReset

logger = logging.getLogger("hr.accounts")

RESET_TTL = timedelta(minutes=15)
MAX_ATTEMPTS = 5
PBKDF2_ROUNDS = 600_000


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def _reset_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


@dataclass
class AccountService:
    session: Session
    mailer: object

    def set_password(self, employee: Employee, password: str) -> None:
        if len(password) < 12:
            raise ValueError("password must be at least 12 characters")
        employee.password_salt = secrets.token_hex(16)
        employee.password_hash = hash_password(password, employee.password_salt)

    def verify_password(self, employee: Employee, password: str) -> bool:
        candidate = hash_password(password, employee.password_salt)
        return hmac.compare_digest(candidate, employee.password_hash)

    def start_reset(self, email: str) -> None:
        employee = self.session.scalar(select(Employee).where(Employee.email == email.lower()))
        if employee is None:
            return
        code = _reset_code()
        self.session.add(
            PasswordReset(
                employee_id=employee.id,
                code=code,
                expires_at=datetime.now(timezone.utc) + RESET_TTL,
            )
        )
        self.session.commit()
        self.mailer.send(employee.email, "Your password reset code", f"Your code is {code}")
        logger.info("password reset started employee=%s", employee.id)

    def complete_reset(self, email: str, code: str, new_password: str) -> bool:
        employee = self.session.scalar(select(Employee).where(Employee.email == email.lower()))
        if employee is None:
            return False
        reset = self.session.scalar(
            select(PasswordReset)
            .where(PasswordReset.employee_id == employee.id, PasswordReset.used.is_(False))
            .order_by(PasswordReset.expires_at.desc())
        )
        if reset is None or reset.expires_at < datetime.now(timezone.utc):
            return False
        reset.attempts += 1
        if reset.attempts > MAX_ATTEMPTS or not hmac.compare_digest(reset.code, code):
            self.session.commit()
            return False
        reset.used = True
        self.set_password(employee, new_password)
        self.session.commit()
        logger.info("password reset completed employee=%s", employee.id)
        return True
