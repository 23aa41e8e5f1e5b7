"""Encrypt and upload glucometer reading batches from the bedside bridge.

The bridge (a Raspberry Pi next to the patient's meter) pulls readings over
BLE, packs them into fixed-size records and uploads the encrypted batch to
the remote monitoring cloud every 15 minutes.
"""
import base64
import json
import logging
import os
import struct
import time
from typing import Iterable, List, Tuple

import requests
from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

log = logging.getLogger("bridge.upload")

KEY_FILE = os.environ.get("BRIDGE_KEY_FILE", "/etc/rpm-bridge/device.key")
UPLOAD_URL = os.environ.get("RPM_UPLOAD_URL", "https://ingest.rpm-cloud.example.com/v1/batches")
RECORD = struct.Struct(">IHB")  # epoch seconds, mg/dL, meal flag

Reading = Tuple[int, int, int]


def load_key(path: str = KEY_FILE) -> bytes:
    with open(path, "rb") as fh:
        key = fh.read().strip()
    if len(key) not in (16, 32):
        raise ValueError("device key must be 128 or 256 bits")
    return key


def pack_readings(readings: Iterable[Reading]) -> bytes:
    return b"".join(RECORD.pack(ts, mgdl, flag) for ts, mgdl, flag in readings)


def encrypt_batch(key: bytes, plaintext: bytes) -> dict:
    nonce = get_random_bytes(12)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    ct, tag = cipher.encrypt_and_digest(plaintext)
    return {
        "alg": "AES-GCM",
        "nonce": base64.b64encode(nonce).decode(),
        "ct": base64.b64encode(ct).decode(),
        "tag": base64.b64encode(tag).decode(),
    }


def decrypt_batch(key: bytes, blob: dict) -> List[Reading]:
    cipher = AES.new(key, AES.MODE_GCM, nonce=base64.b64decode(blob["nonce"]))
    raw = cipher.decrypt_and_verify(base64.b64decode(blob["ct"]), base64.b64decode(blob["tag"]))
    return [RECORD.unpack_from(raw, off) for off in range(0, len(raw), RECORD.size)]


def upload(device_serial: str, readings: List[Reading], key: bytes) -> bool:
    if not readings:
        return True
    body = encrypt_batch(key, pack_readings(readings))
    body.update({"device": device_serial, "count": len(readings), "sent_at": int(time.time())})
    try:
        resp = requests.post(UPLOAD_URL, data=json.dumps(body),
                             headers={"Content-Type": "application/json"}, timeout=15)
    except requests.RequestException as exc:
        log.warning("upload failed, will retry: %s", exc)
        return False
    if resp.status_code != 202:
        log.warning("ingest rejected batch: %s", resp.status_code)
        return False
    log.info("uploaded %d readings", len(readings))
    return True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    demo = [(int(time.time()) - 600, 142, 1), (int(time.time()), 118, 0)]
    upload(os.environ.get("BRIDGE_SERIAL", "GM-000000"), demo, load_key())
