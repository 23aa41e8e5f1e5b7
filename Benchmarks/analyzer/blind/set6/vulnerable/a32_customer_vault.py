import base64
import hashlib
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VAULT_KEY = b"k3y-f0r-v4ult-01"  # VULN


def _cipher():
    return Cipher(algorithms.AES(VAULT_KEY), modes.ECB())  # VULN


def encrypt_field(value):
    padder = padding.PKCS7(128).padder()
    data = padder.update(value.encode()) + padder.finalize()
    enc = _cipher().encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()


def decrypt_field(token):
    dec = _cipher().decryptor()
    data = dec.update(base64.b64decode(token)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()


def hash_pin(pin, salt=None):
    salt = salt or os.urandom(8)
    digest = hashlib.sha1(salt + pin.encode()).hexdigest()  # VULN
    return base64.b64encode(salt).decode() + "$" + digest


def check_pin(pin, stored):
    salt_b64, _ = stored.split("$", 1)
    return hash_pin(pin, base64.b64decode(salt_b64)) == stored
