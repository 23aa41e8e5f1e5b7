"""Cloud Function: encrypt a customer data export before it is shared.

Triggered over HTTP by the export scheduler; writes ``<export>.enc`` next to
the plaintext object and deletes the original.
"""
import base64
import logging
import os

import functions_framework
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from google.cloud import secretmanager, storage

BUCKET = os.environ.get("EXPORT_BUCKET", "customer-exports")
KEY_SECRET = os.environ["EXPORT_KEY_SECRET"]

_storage = storage.Client()
_secrets = secretmanager.SecretManagerServiceClient()


def _load_key() -> bytes:
    resp = _secrets.access_secret_version(name=f"{KEY_SECRET}/versions/latest")
    return base64.b64decode(resp.payload.data)


def encrypt_blob(data: bytes, key: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return encryptor.update(padded) + encryptor.finalize()


@functions_framework.http
def encrypt_export(request):
    payload = request.get_json(silent=True) or {}
    export_id = payload.get("export_id", "")
    if not export_id.isalnum():
        return {"error": "invalid export id"}, 400

    bucket = _storage.bucket(BUCKET)
    source = bucket.blob(f"pending/{export_id}.csv")
    if not source.exists():
        return {"error": "not found"}, 404

    ciphertext = encrypt_blob(source.download_as_bytes(), _load_key())
    bucket.blob(f"shared/{export_id}.csv.enc").upload_from_string(ciphertext)
    source.delete()
    logging.info("export %s encrypted (%d bytes)", export_id, len(ciphertext))
    return {"status": "encrypted", "object": f"shared/{export_id}.csv.enc"}
