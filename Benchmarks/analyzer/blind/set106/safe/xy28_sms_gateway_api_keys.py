"""API key management for A2P SMS gateway partners (banks, OTP providers).

Keys are shown once at creation time; we store a digest and look partners
up by digest on every submit_sm/HTTP send request.
"""
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Optional

import redis

log = logging.getLogger("a2p.keys")
r = redis.Redis(host="127.0.0.1", port=6379, db=5, decode_responses=True)

KEY_PREFIX = "a2p_live_"


@dataclass
class PartnerKey:
    partner_id: str
    key_id: str
    plaintext: Optional[str] = None


def _new_secret(partner_id: str) -> str:
    return secrets.token_hex(20)


def _digest(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def create_key(partner_id: str) -> PartnerKey:
    secret = KEY_PREFIX + _new_secret(partner_id)
    key_id = secret[len(KEY_PREFIX):len(KEY_PREFIX) + 8]
    r.hset(f"a2p:key:{_digest(secret)}", mapping={
        "partner_id": partner_id,
        "key_id": key_id,
        "created": int(time.time()),
    })
    r.sadd(f"a2p:partner:{partner_id}:keys", key_id)
    log.info("issued API key %s for partner %r", key_id, partner_id)
    return PartnerKey(partner_id, key_id, plaintext=secret)


def authenticate(api_key: str) -> Optional[str]:
    if not api_key.startswith(KEY_PREFIX):
        return None
    entry = r.hgetall(f"a2p:key:{_digest(api_key)}")
    if not entry or entry.get("revoked"):
        return None
    return entry["partner_id"]


def revoke(api_key: str) -> bool:
    return bool(r.hset(f"a2p:key:{_digest(api_key)}", "revoked", int(time.time())))


if __name__ == "__main__":
    import sys
    k = create_key(sys.argv[1])
    print(f"key id: {k.key_id}\nsecret (shown once): {k.plaintext}")
