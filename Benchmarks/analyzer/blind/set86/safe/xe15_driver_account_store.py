"""Driver account persistence for the charging app backend.

Drivers sign in with email + password; the in-car head unit additionally
uses a 4-6 digit PIN to unlock saved payment methods.
"""
import hashlib
import hmac
import logging
import os
from datetime import datetime
from typing import Optional

from sqlalchemy import Column, DateTime, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
log = logging.getLogger("accounts")

PBKDF2_ROUNDS = 390_000


class Driver(Base):
    __tablename__ = "drivers"
    id = Column(Integer, primary_key=True)
    email = Column(String(255), unique=True, nullable=False)
    password_hash = Column(String(128), nullable=False)
    pin_hash = Column(String(128))
    created_at = Column(DateTime, default=datetime.utcnow)
    failed_logins = Column(Integer, default=0)


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return "pbkdf2_sha256$%d$%s$%s" % (PBKDF2_ROUNDS, salt.hex(), digest.hex())


def verify_hash(secret: str, stored: Optional[str]) -> bool:
    try:
        _, rounds, salt_hex, digest_hex = (stored or "").split("$")
    except ValueError:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(digest.hex(), digest_hex)


def hash_pin(pin: str, driver_id: int) -> str:
    return hash_password(f"{driver_id}:{pin}")


class AccountStore:
    def __init__(self, dsn: str):
        self.engine = create_engine(dsn, pool_pre_ping=True)

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        with Session(self.engine) as s:
            driver = Driver(email=email.lower(), password_hash=hash_password(password))
            s.add(driver)
            s.commit()
            return driver.id

    def authenticate(self, email: str, password: str) -> Optional[int]:
        with Session(self.engine) as s:
            driver = s.scalars(select(Driver).where(Driver.email == email.lower())).first()
            if driver is None:
                return None
            if not verify_hash(password, driver.password_hash):
                driver.failed_logins = (driver.failed_logins or 0) + 1
                s.commit()
                log.info("bad password for driver %s", driver.id)
                return None
            driver.failed_logins = 0
            s.commit()
            return driver.id

    def set_pin(self, driver_id: int, pin: str) -> None:
        if not pin.isdigit() or not 4 <= len(pin) <= 6:
            raise ValueError("PIN must be 4-6 digits")
        with Session(self.engine) as s:
            driver = s.get(Driver, driver_id)
            driver.pin_hash = hash_pin(pin, driver_id)
            s.commit()

    def check_pin(self, driver_id: int, pin: str) -> bool:
        with Session(self.engine) as s:
            driver = s.get(Driver, driver_id)
            return bool(driver and verify_hash(f"{driver_id}:{pin}", driver.pin_hash))
