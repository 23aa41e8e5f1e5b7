"""Patient portal self-registration and credential storage."""
import hashlib
import hmac
import logging
import os
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

MIN_PASSWORD_LEN = 10


@dataclass
class Account:
    id: Optional[int]
    email: str
    mrn: str
    password_hash: str
    salt: str
    verify_token: Optional[str] = None
    verified: bool = False


class RegistrationError(ValueError):
    pass


def _new_salt() -> str:
    return os.urandom(8).hex()


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def check_password(account: Account, candidate: str) -> bool:
    expected = hash_password(candidate, account.salt)
    return hmac.compare_digest(expected, account.password_hash)


def make_verification_token(email: str) -> str:
    seed = "%s:%d" % (email.lower(), int(time.time()))
    return hashlib.sha1(seed.encode()).hexdigest()  # VULN


class AccountService:
    def __init__(self, repo, mailer):
        self.repo = repo
        self.mailer = mailer

    def register(self, email: str, mrn: str, dob: str, password: str) -> Account:
        email = email.strip().lower()
        if len(password) < MIN_PASSWORD_LEN:
            raise RegistrationError("password too short")
        if self.repo.find_by_email(email):
            raise RegistrationError("account already exists")
        if not self.repo.mrn_matches_dob(mrn, dob):
            raise RegistrationError("could not match your records")

        salt = _new_salt()
        account = Account(
            id=None,
            email=email,
            mrn=mrn,
            password_hash=hash_password(password, salt),
            salt=salt,
            verify_token=make_verification_token(email),
        )
        account.id = self.repo.insert(account)
        self.mailer.send_verification(email, account.verify_token)
        log.info("portal account %s created", account.id)
        return account

    def verify_email(self, token: str) -> bool:
        account = self.repo.find_by_verify_token(token)
        if account is None:
            return False
        account.verified = True
        account.verify_token = None
        self.repo.update(account)
        return True

    def authenticate(self, email: str, password: str) -> Optional[Account]:
        account = self.repo.find_by_email(email.strip().lower())
        if account is None or not account.verified:
            return None
        return account if check_password(account, password) else None
