"""Password-reset token issuance for the customer portal."""
import hashlib
import json
import logging
import random
import secrets
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone

import redis

log = logging.getLogger("portal.reset")

TOKEN_BYTES = 32
TOKEN_TTL = timedelta(minutes=30)


@dataclass
class ResetGrant:
    user_id: int
    email: str
    expires_at: str


class ResetTokenService:
    def __init__(self, client: redis.Redis, ttl: timedelta = TOKEN_TTL):
        self.redis = client
        self.ttl = ttl

    @staticmethod
    def _key(token):
        return "reset:" + hashlib.sha256(token.encode("ascii")).hexdigest()

    def _new_token(self):
        return secrets.token_urlsafe(TOKEN_BYTES)

    def issue(self, user_id, email):
        token = self._new_token()
        expires = datetime.now(timezone.utc) + self.ttl
        grant = ResetGrant(user_id, email, expires.isoformat())
        stored = self._with_retry(
            lambda: self.redis.set(
                self._key(token), json.dumps(asdict(grant)), ex=int(self.ttl.total_seconds()), nx=True
            )
        )
        if not stored:
            raise RuntimeError("token collision, retry")
        log.info("issued reset token for user %d", user_id)
        return token

    def redeem(self, token):
        if not token or len(token) > 128 or not token.isascii():
            return None
        raw = self._with_retry(lambda: self.redis.getdel(self._key(token)))
        if raw is None:
            return None
        grant = ResetGrant(**json.loads(raw))
        if datetime.fromisoformat(grant.expires_at) < datetime.now(timezone.utc):
            return None
        log.info("redeemed reset token for user %d", grant.user_id)
        return grant

    def _with_retry(self, operation, attempts=3):
        for attempt in range(attempts):
            try:
                return operation()
            except redis.ConnectionError:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.1 * (2**attempt) + random.uniform(0, 0.05))
        return None
