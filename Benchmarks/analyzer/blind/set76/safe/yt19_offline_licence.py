"""Offline-playback licences for the desktop client.

A licence lists the tracks a device may play offline and when that right
expires. The client sends it back on every launch to unlock cached audio.
"""
import base64
import json
import os
import time
from typing import Iterable, Optional

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LICENCE_KEY = base64.b64decode(os.environ["LICENCE_KEY_B64"])
LICENCE_TTL = 30 * 24 * 3600
NONCE_LEN = 12


class LicenceError(Exception):
    pass


def _cipher() -> AESGCM:
    return AESGCM(LICENCE_KEY)


def _seal(plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    return nonce + _cipher().encrypt(nonce, plaintext, b"yt-licence-v2")


def _open(blob: bytes) -> bytes:
    nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
    try:
        return _cipher().decrypt(nonce, ciphertext, b"yt-licence-v2")
    except InvalidTag as exc:
        raise ValueError("licence tampered") from exc


def issue_licence(user_id: int, device_id: str, track_ids: Iterable[int],
                  tier: str = "premium", now: Optional[float] = None) -> str:
    now = now or time.time()
    body = {
        "uid": user_id,
        "dev": device_id,
        "tier": tier,
        "exp": int(now + LICENCE_TTL),
        "tracks": sorted(set(track_ids)),
    }
    raw = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(_seal(raw)).decode()


def verify_licence(token: str, device_id: str, now: Optional[float] = None) -> dict:
    try:
        body = json.loads(_open(base64.urlsafe_b64decode(token.encode())))
    except (ValueError, TypeError) as exc:
        raise LicenceError("licence unreadable") from exc
    if body.get("dev") != device_id:
        raise LicenceError("licence issued to another device")
    if body.get("exp", 0) < (now or time.time()):
        raise LicenceError("licence expired")
    return body


def can_play(token: str, device_id: str, track_id: int) -> bool:
    try:
        body = verify_licence(token, device_id)
    except LicenceError:
        return False
    return track_id in body["tracks"]
