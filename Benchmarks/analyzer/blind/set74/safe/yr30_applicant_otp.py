"""One-time verification codes for the admissions applicant portal.

Applicants verify their phone number or email before submitting an
application; codes are delivered by the notification service.
"""
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from typing import Optional, Protocol

log = logging.getLogger("applicant.otp")

CODE_TTL = 600
MAX_ATTEMPTS = 5
OTP_KEY = os.environ["APPLICANT_OTP_KEY"].encode("utf-8")


class Sender(Protocol):
    def send(self, channel: str, destination: str, message: str) -> None: ...


class OtpService:
    def __init__(self, redis_client, sender: Sender, ttl: int = CODE_TTL):
        self.redis = redis_client
        self.sender = sender
        self.ttl = ttl

    @staticmethod
    def _key(applicant_id: str) -> str:
        return f"otp:applicant:{applicant_id}"

    @staticmethod
    def _digest(applicant_id: str, code: str) -> str:
        return hmac.new(OTP_KEY, f"{applicant_id}:{code}".encode("utf-8"), hashlib.sha256).hexdigest()

    def issue(self, applicant_id: str, channel: str, destination: str) -> None:
        if channel not in ("sms", "email"):
            raise ValueError("unsupported channel")
        code = f"{secrets.randbelow(1_000_000):06d}"
        record = {"hash": self._digest(applicant_id, code), "attempts": 0,
                  "expires": time.time() + self.ttl, "channel": channel}
        self.redis.setex(self._key(applicant_id), self.ttl, json.dumps(record))
        self.sender.send(channel, destination,
                         f"Your application portal verification code is {code}. It expires in 10 minutes.")
        log.info("issued %s code for applicant %r", channel, applicant_id)

    def verify(self, applicant_id: str, code: str) -> bool:
        raw: Optional[bytes] = self.redis.get(self._key(applicant_id))
        if raw is None:
            return False
        record = json.loads(raw)
        if record["attempts"] >= MAX_ATTEMPTS or record["expires"] < time.time():
            self.redis.delete(self._key(applicant_id))
            return False
        if hmac.compare_digest(record["hash"], self._digest(applicant_id, code.strip())):
            self.redis.delete(self._key(applicant_id))
            log.info("applicant %r verified via %s", applicant_id, record["channel"])
            return True
        record["attempts"] += 1
        remaining = max(int(record["expires"] - time.time()), 1)
        self.redis.setex(self._key(applicant_id), remaining, json.dumps(record))
        return False
