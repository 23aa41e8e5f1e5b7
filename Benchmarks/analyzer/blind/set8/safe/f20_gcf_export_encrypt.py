"""Cloud Function: encrypt a customer data export before it is shared.

Triggered over HTTP by the export scheduler; writes ``<export>.enc`` next to
the plaintext object and deletes the original.
"""
import base64
import logging
import os

import functions_framework
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from google.cloud import secretmanager, storage

BUCKET = os.environ.get("EXPORT_BUCKET", "customer-exports")
KEY_SECRET = os.environ["EXPORT_KEY_SECRET"]

_storage = storage.Client()
_secrets = secretmanager.SecretManagerServiceClient()


def _load_key() -> bytes:
    resp = _secrets.access_secret_version(name=f"{KEY_SECRET}/versions/latest")
    key = base64.b64decode(resp.payload.data)
    if len(key) != 32:
        raise RuntimeError("export key must be 256 bits")
    return key


def encrypt_blob(data: bytes, key: bytes, export_id: str) -> bytes:
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, data, export_id.encode())
    return nonce + ciphertext


@functions_framework.http
def encrypt_export(request):
    payload = request.get_json(silent=True) or {}
    export_id = str(payload.get("export_id", ""))
    if not export_id.isalnum() or not export_id.isascii():
        return {"error": "invalid export id"}, 400

    bucket = _storage.bucket(BUCKET)
    source = bucket.blob(f"pending/{export_id}.csv")
    if not source.exists():
        return {"error": "not found"}, 404

    ciphertext = encrypt_blob(source.download_as_bytes(), _load_key(), export_id)
    bucket.blob(f"shared/{export_id}.csv.enc").upload_from_string(ciphertext)
    source.delete()
    logging.info("export %s encrypted (%d bytes)", export_id, len(ciphertext))
    return {"status": "encrypted", "object": f"shared/{export_id}.csv.enc"}
