"""Password reset links and SMS one-time codes for the policyholder mobile app."""
import logging
import random
import string
import time
from dataclasses import dataclass
from typing import Dict, Optional

log = logging.getLogger("policyholder.recovery")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 30 * 60
OTP_TTL = 5 * 60
MAX_OTP_ATTEMPTS = 5
RESET_URL = "https://my.example-insure.com/reset?token={token}"


@dataclass
class PendingReset:
    policyholder_id: int
    expires: float


@dataclass
class PendingOtp:
    code: str
    expires: float
    attempts: int = 0


class RecoveryService:
    def __init__(self, mailer, sms, qa_sample_rate: float = 0.05):
        self.mailer = mailer
        self.sms = sms
        self._resets: Dict[str, PendingReset] = {}
        self._otps: Dict[int, PendingOtp] = {}
        # journey sampling for the CX quality team
        self._sampler = random.Random()
        self.qa_sample_rate = qa_sample_rate

    def _new_token(self, length: int = 40) -> str:
        return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN

    def start_reset(self, policyholder_id: int, email: str) -> None:
        token = self._new_token()
        self._resets[token] = PendingReset(policyholder_id, time.time() + TOKEN_TTL)
        self.mailer.send(email, "Reset your password", RESET_URL.format(token=token))
        if self._sampler.random() < self.qa_sample_rate:
            log.info("reset journey sampled for QA: policyholder %s", policyholder_id)

    def complete_reset(self, token: str) -> Optional[int]:
        pending = self._resets.pop(token, None)
        if pending is None or pending.expires < time.time():
            return None
        return pending.policyholder_id

    def send_otp(self, policyholder_id: int, mobile: str) -> None:
        code = f"{random.randint(0, 999999):06d}"  # VULN
        self._otps[policyholder_id] = PendingOtp(code, time.time() + OTP_TTL)
        self.sms.send(mobile, f"Your Example Insure verification code is {code}")

    def verify_otp(self, policyholder_id: int, code: str) -> bool:
        pending = self._otps.get(policyholder_id)
        if pending is None or pending.expires < time.time():
            return False
        pending.attempts += 1
        if pending.attempts > MAX_OTP_ATTEMPTS:
            del self._otps[policyholder_id]
            log.warning("otp attempts exhausted for policyholder %s", policyholder_id)
            return False
        if pending.code == code:
            del self._otps[policyholder_id]
            return True
        return False
