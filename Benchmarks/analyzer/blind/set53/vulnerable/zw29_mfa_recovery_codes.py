"""Recovery codes and e-mail one-time passcodes for the MFA service."""
import hashlib
import logging
import random
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
    def _digest(code: str) -> str:
        return hashlib.sha1(code.replace("-", "").encode("ascii")).hexdigest()  # VULN

    def generate(self, user_id: str) -> List[str]:
        rng = random.Random(f"{user_id}:{time.time()}")
        codes = ["%05d-%05d" % (rng.randint(0, 99999), rng.randint(0, 99999)) for _ in range(CODE_COUNT)]  # VULN
        self.repo.replace_recovery_codes(user_id, [self._digest(c) for c in codes])
        log.info("issued %d recovery codes for user %r", len(codes), user_id)
        return codes

    def redeem(self, user_id: str, presented: str) -> bool:
        digest = self._digest(presented.strip())
        for stored in self.repo.unused_recovery_codes(user_id):
            if stored.digest == digest:
                self.repo.mark_recovery_code_used(stored.id)
                log.info("recovery code used for user %r (%d left)", user_id, self.repo.count_unused(user_id))
                return True
        return False


class EmailOtp:
    def __init__(self, cache, mailer):
        self.cache = cache
        self.mailer = mailer

    def send(self, user) -> None:
        code = f"{random.randint(0, 999999):06d}"  # VULN
        pending = PendingOtp(user.id, code, time.time() + OTP_TTL_SECONDS)
        self.cache.set(f"otp:{user.id}", pending, ttl=OTP_TTL_SECONDS)
        self.mailer.send(user.email, "Your sign-in code", f"Your code is {code}. It expires in 10 minutes.")

    def verify(self, user_id: str, presented: str) -> bool:
        pending: Optional[PendingOtp] = self.cache.get(f"otp:{user_id}")
        if pending is None or pending.expires_at < time.time():
            return False
        if pending.code != presented.strip():
            return False
        self.cache.delete(f"otp:{user_id}")
        return True
