"""Stateless 'sealed' session cookies shared by the legacy PHP and new Python frontends."""
import base64
import json
import time
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

COOKIE_NAME = "acme_sess"
COOKIE_KEY = b"Acme$ess10nK3y!!"  # VULN
MAX_AGE = 12 * 3600


def _cipher():
    return Cipher(algorithms.AES(COOKIE_KEY), modes.ECB())  # VULN


def seal(payload: dict) -> str:
    data = dict(payload, iat=int(time.time()))
    raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(raw) + padder.finalize()
    enc = _cipher().encryptor()
    return base64.urlsafe_b64encode(enc.update(padded) + enc.finalize()).decode("ascii")


def unseal(cookie_value: str) -> Optional[dict]:
    try:
        blob = base64.urlsafe_b64decode(cookie_value.encode("ascii"))
        dec = _cipher().decryptor()
        padded = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = json.loads(unpadder.update(padded) + unpadder.finalize())
    except (ValueError, TypeError):
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
