"""Uploads reefer-trailer temperature logs to the shipper's cold-chain portal.

Each trailer's data logger is dumped to CSV at the distribution centre dock.
Logs are compressed and encrypted before upload because the portal stores
them in a shared bucket.
"""
import base64
import gzip
import json
import logging
import os
import sys
from pathlib import Path

import requests
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("coldchain.upload")

UPLOAD_URL = "https://portal.coldchain.example.com/api/v1/logs"
_UPLOAD_KEY = bytes.fromhex(os.environ["COLDCHAIN_UPLOAD_KEY"])
ALARM_MAX_C = 5.0


def encrypt_blob(data: bytes) -> bytes:
    nonce = os.urandom(12)
    enc = Cipher(algorithms.AES(_UPLOAD_KEY), modes.GCM(nonce)).encryptor()
    body = enc.update(data) + enc.finalize()
    return nonce + body + enc.tag


def excursions(csv_text: str) -> int:
    count = 0
    for line in csv_text.splitlines()[1:]:
        parts = line.split(",")
        if len(parts) >= 2 and parts[1].strip():
            try:
                if float(parts[1]) > ALARM_MAX_C:
                    count += 1
            except ValueError:
                continue
    return count


def upload_log(path: Path, trailer_id: str, api_token: str) -> dict:
    raw = path.read_bytes()
    payload = {
        "trailer": trailer_id,
        "filename": path.name,
        "excursions": excursions(raw.decode("utf-8", errors="replace")),
        "blob": base64.b64encode(encrypt_blob(gzip.compress(raw))).decode("ascii"),
    }
    resp = requests.post(
        UPLOAD_URL,
        data=json.dumps(payload),
        headers={"Authorization": f"Bearer {api_token}", "Content-Type": "application/json"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def main(argv) -> int:
    logging.basicConfig(level=logging.INFO)
    token = os.environ["COLDCHAIN_API_TOKEN"]
    dock_dir = Path(argv[1] if len(argv) > 1 else "/srv/dock/reefer")
    for path in sorted(dock_dir.glob("*.csv")):
        trailer_id = path.stem.split("_")[0]
        result = upload_log(path, trailer_id, token)
        log.info("uploaded %s as %s", path.name, result.get("id"))
        path.rename(path.with_suffix(".uploaded"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
