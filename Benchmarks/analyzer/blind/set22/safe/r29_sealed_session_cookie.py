"""Stateless 'sealed' session cookies shared by the legacy PHP and new Python frontends."""
import base64
import json
import os
import time
from typing import Optional

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

COOKIE_NAME = "acme_sess"
COOKIE_KEY = base64.b64decode(os.environ["SESSION_COOKIE_KEY"])  # 32 random bytes, base64
MAX_AGE = 12 * 3600
_AAD = COOKIE_NAME.encode("ascii")


def _cipher():
    return AESGCM(COOKIE_KEY)


def seal(payload: dict) -> str:
    data = dict(payload, iat=int(time.time()))
    raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
    nonce = os.urandom(12)
    sealed = nonce + _cipher().encrypt(nonce, raw, _AAD)
    return base64.urlsafe_b64encode(sealed).decode("ascii")


def unseal(cookie_value: str) -> Optional[dict]:
    try:
        blob = base64.urlsafe_b64decode(cookie_value.encode("ascii"))
        nonce, ciphertext = blob[:12], blob[12:]
        data = json.loads(_cipher().decrypt(nonce, ciphertext, _AAD))
    except (ValueError, TypeError, InvalidTag):
        return None
    if time.time() - data.get("iat", 0) > MAX_AGE:
        return None
    return data


def attach(response, user_id: int, roles):
    response.set_cookie(
        COOKIE_NAME, seal({"uid": user_id, "roles": sorted(roles)}),
        max_age=MAX_AGE, secure=True, httponly=True, samesite="Lax",
    )
    return response


def current_user(request) -> Optional[dict]:
    value = request.cookies.get(COOKIE_NAME)
    return unseal(value) if value else None
