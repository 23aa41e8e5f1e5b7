import base64
import os

from Crypto.Cipher import DES
from Crypto.Util.Padding import pad, unpad

KEY = bytes.fromhex(os.environ["CARD_TOKEN_KEY"])


def _cipher():
    return DES.new(KEY, DES.MODE_ECB)  # VULN


def encrypt_card_number(pan: str) -> str:
    data = pad(pan.encode("ascii"), DES.block_size)
    return base64.urlsafe_b64encode(_cipher().encrypt(data)).decode()


def decrypt_card_number(token: str) -> str:
    data = _cipher().decrypt(base64.urlsafe_b64decode(token.encode()))
    return unpad(data, DES.block_size).decode("ascii")


def mask(pan: str) -> str:
    return "*" * (len(pan) - 4) + pan[-4:]
