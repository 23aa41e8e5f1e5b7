import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY = bytes.fromhex(os.environ["CARD_TOKEN_KEY"])
AAD = b"card-token-v1"


def encrypt_card_number(pan: str) -> str:
    nonce = os.urandom(12)
    ciphertext = AESGCM(KEY).encrypt(nonce, pan.encode("ascii"), AAD)
    return base64.urlsafe_b64encode(nonce + ciphertext).decode()


def decrypt_card_number(token: str) -> str:
    raw = base64.urlsafe_b64decode(token.encode())
    return AESGCM(KEY).decrypt(raw[:12], raw[12:], AAD).decode("ascii")


def mask(pan: str) -> str:
    return "*" * (len(pan) - 4) + pan[-4:]
