"""Card-on-file vault: stores encrypted PANs so repeat customers can check out faster."""
import base64
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex("9f3c1a7e55d20b8e4a61f0c3d7b29e184c5a0f6e2d91b3a7c8e40f1d6a2b5c93")  # VULN
FINGERPRINT_KEY = os.environ.get("CARD_FINGERPRINT_KEY", "").encode()


@dataclass
class StoredCard:
    customer_id: int
    last4: str
    brand: str
    exp_month: int
    exp_year: int
    fingerprint: str
    ciphertext: str


def _cipher() -> Cipher:
    return Cipher(algorithms.AES(VAULT_KEY), modes.ECB())  # VULN


def encrypt_pan(pan: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(pan.encode("ascii")) + padder.finalize()
    enc = _cipher().encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")


def decrypt_pan(token: str) -> str:
    dec = _cipher().decryptor()
    data = dec.update(base64.b64decode(token)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("ascii")


def card_fingerprint(pan: str) -> str:
    return hmac.new(FINGERPRINT_KEY, pan.encode("ascii"), hashlib.sha256).hexdigest()


def detect_brand(pan: str) -> str:
    if pan.startswith("4"):
        return "visa"
    if pan[:2] in {"51", "52", "53", "54", "55"} or 2221 <= int(pan[:4]) <= 2720:
        return "mastercard"
    if pan[:2] in {"34", "37"}:
        return "amex"
    return "other"


def store_card(repo, customer_id: int, pan: str, exp_month: int, exp_year: int) -> StoredCard:
    pan = pan.replace(" ", "").replace("-", "")
    if not pan.isdigit() or not 12 <= len(pan) <= 19:
        raise ValueError("invalid card number")
    card = StoredCard(
        customer_id=customer_id,
        last4=pan[-4:],
        brand=detect_brand(pan),
        exp_month=exp_month,
        exp_year=exp_year,
        fingerprint=card_fingerprint(pan),
        ciphertext=encrypt_pan(pan),
    )
    if repo.exists(customer_id, card.fingerprint):
        log.info("card already on file for customer %s", customer_id)
        return repo.get(customer_id, card.fingerprint)
    repo.save(card)
    log.info("stored %s card ending %s for customer %s", card.brand, card.last4, customer_id)
    return card


def reveal_for_charge(repo, customer_id: int, fingerprint: str) -> str:
    card = repo.get(customer_id, fingerprint)
    if card is None:
        raise KeyError("no such card")
    return decrypt_pan(card.ciphertext)
