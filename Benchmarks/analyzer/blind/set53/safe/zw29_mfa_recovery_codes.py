"""Recovery codes and e-mail one-time passcodes for the MFA service."""
import hashlib
import hmac
import logging
import os
import secrets
import time
from dataclasses import dataclass
from typing import List, Optional

log = logging.getLogger("mfa.recovery")

CODE_COUNT = 10
OTP_TTL_SECONDS = 600


@dataclass
class PendingOtp:
    user_id: str
    code: str
    expires_at: float


class RecoveryCodes:
    def __init__(self, repo):
        self.repo = repo

    @staticmethod
    def _digest(code: str, salt: bytes = None) -> str:
        salt = salt or os.urandom(16)
        derived = hashlib.scrypt(code.replace("-", "").encode("ascii"), salt=salt, n=2**14, r=8, p=1)
        return f"{salt.hex()}${derived.hex()}"

    def generate(self, user_id: str) -> List[str]:
        codes = ["%05d-%05d" % (secrets.randbelow(100000), secrets.randbelow(100000)) for _ in range(CODE_COUNT)]
        self.repo.replace_recovery_codes(user_id, [self._digest(c) for c in codes])
        log.info("issued %d recovery codes for user %r", len(codes), user_id)
        return codes

    def redeem(self, user_id: str, presented: str) -> bool:
        for stored in self.repo.unused_recovery_codes(user_id):
            salt_hex = stored.digest.split("$", 1)[0]
            digest = self._digest(presented.strip(), bytes.fromhex(salt_hex))
            if hmac.compare_digest(stored.digest, digest):
                self.repo.mark_recovery_code_used(stored.id)
                log.info("recovery code used for user %r (%d left)", user_id, self.repo.count_unused(user_id))
                return True
        return False


class EmailOtp:
    def __init__(self, cache, mailer):
        self.cache = cache
        self.mailer = mailer

    def send(self, user) -> None:
        code = f"{secrets.randbelow(1000000):06d}"
        pending = PendingOtp(user.id, code, time.time() + OTP_TTL_SECONDS)
        self.cache.set(f"otp:{user.id}", pending, ttl=OTP_TTL_SECONDS)
        self.mailer.send(user.email, "Your sign-in code", f"Your code is {code}. It expires in 10 minutes.")

    def verify(self, user_id: str, presented: str) -> bool:
        pending: Optional[PendingOtp] = self.cache.get(f"otp:{user_id}")
        if pending is None or pending.expires_at < time.time():
            return False
        if not hmac.compare_digest(pending.code, presented.strip()):
            return False
        self.cache.delete(f"otp:{user_id}")
        return True
