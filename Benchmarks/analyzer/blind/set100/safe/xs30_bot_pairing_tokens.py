"""Account pairing and sessions for the classroom chat bot.

A student types /link in the class chat; the bot DMs a six-digit pairing
code which the student enters on the tutoring site.  Once paired, the bot
holds a session token it uses to call the site API for that student.
"""
import hashlib
import json
import logging
import os
import secrets
import time
from typing import Optional

import redis

log = logging.getLogger("bot_pairing")
store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"), decode_responses=True)

PAIRING_TTL = 600
SESSION_TTL = 7 * 24 * 3600
MAX_ATTEMPTS = 5


def new_pairing_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def token_key(token: str) -> str:
    return "session:" + hashlib.sha256(token.encode()).hexdigest()


class PairingService:
    def __init__(self, r: redis.Redis = store):
        self.r = r

    def start_pairing(self, chat_user_id: str) -> str:
        code = new_pairing_code()
        payload = json.dumps({"chat_user": chat_user_id, "created": time.time()})
        self.r.setex(f"pair:{code}", PAIRING_TTL, payload)
        return code

    def complete_pairing(self, site_user_id: int, code: str) -> Optional[str]:
        attempts_key = f"pair-attempts:{site_user_id}"
        attempts = self.r.incr(attempts_key)
        self.r.expire(attempts_key, PAIRING_TTL)
        if attempts > MAX_ATTEMPTS:
            log.warning("site user %d exceeded pairing attempts", site_user_id)
            return None
        raw = self.r.getdel(f"pair:{code.strip()}")
        if raw is None:
            return None
        chat_user = json.loads(raw)["chat_user"]
        token = new_session_token()
        session = json.dumps({"site_user": site_user_id, "chat_user": chat_user})
        self.r.setex(token_key(token), SESSION_TTL, session)
        self.r.delete(attempts_key)
        log.info("paired chat user %r with site user %d", chat_user, site_user_id)
        return token

    def resolve(self, token: str) -> Optional[dict]:
        raw = self.r.get(token_key(token))
        return json.loads(raw) if raw else None

    def revoke(self, token: str) -> None:
        self.r.delete(token_key(token))
