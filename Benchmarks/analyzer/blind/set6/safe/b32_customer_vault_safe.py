import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VAULT_KEY = base64.b64decode(os.environ["VAULT_KEY_B64"])  # 32 bytes, provisioned from KMS


def encrypt_field(value, context=b"customer-field"):
    nonce = os.urandom(12)
    ct = AESGCM(VAULT_KEY).encrypt(nonce, value.encode(), context)
    return base64.b64encode(nonce + ct).decode()


def decrypt_field(token, context=b"customer-field"):
    raw = base64.b64decode(token)
    return AESGCM(VAULT_KEY).decrypt(raw[:12], raw[12:], context).decode()


def hash_pin(pin, salt=None):
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2 ** 15, r=8, p=1, maxmem=64 * 1024 * 1024)
    return base64.b64encode(salt).decode() + "$" + digest.hex()


def check_pin(pin, stored):
    salt_b64, _ = stored.split("$", 1)
    return hmac.compare_digest(hash_pin(pin, base64.b64decode(salt_b64)), stored)


def export_checksum(path):
    # lets the nightly job skip re-uploading identical export files
    h = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()
