"""Offline-playback licences for the desktop client.

A licence lists the tracks a device may play offline and when that right
expires. The client sends it back on every launch to unlock cached audio.
"""
import base64
import json
import time
from typing import Iterable, Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

LICENCE_KEY = bytes.fromhex("3f1a9c0e5b7d2468ace13579bdf02468")  # VULN
LICENCE_TTL = 30 * 24 * 3600


class LicenceError(Exception):
    pass


def _cipher() -> Cipher:
    return Cipher(algorithms.AES(LICENCE_KEY), modes.ECB())  # VULN


def _seal(plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    enc = _cipher().encryptor()
    return enc.update(data) + enc.finalize()


def _open(blob: bytes) -> bytes:
    dec = _cipher().decryptor()
    data = dec.update(blob) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()


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
