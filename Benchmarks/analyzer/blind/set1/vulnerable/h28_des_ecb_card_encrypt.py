import base64
import os

from Crypto.Cipher import DES
from Crypto.Util.Padding import pad

KEY = os.environ.get("CARD_KEY", "k3y!k3y!").encode()[:8]


def encrypt_card_number(card_number):
    cipher = DES.new(KEY, DES.MODE_ECB)  # VULN
    ct = cipher.encrypt(pad(card_number.encode(), DES.block_size))
    return base64.b64encode(ct).decode()
