"""Card-on-file vault: stores encrypted PANs so repeat customers can check out faster."""
import base64
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = base64.b64decode(os.environ["CARD_VAULT_KEY_B64"])
FINGERPRINT_KEY = os.environ.get("CARD_FINGERPRINT_KEY", "").encode()
NONCE_BYTES = 12
TAG_BYTES = 16


@dataclass
class StoredCard:
    customer_id: int
    last4: str
    brand: str
    exp_month: int
    exp_year: int
    fingerprint: str
    ciphertext: str


def _cipher(nonce: bytes, tag: bytes = None) -> Cipher:
    return Cipher(algorithms.AES(VAULT_KEY), modes.GCM(nonce, tag))


def encrypt_pan(pan: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    enc = _cipher(nonce).encryptor()
    ct = enc.update(pan.encode("ascii")) + enc.finalize()
    return base64.b64encode(nonce + enc.tag + ct).decode("ascii")


def decrypt_pan(token: str) -> str:
    raw = base64.b64decode(token)
    nonce, tag, ct = raw[:NONCE_BYTES], raw[NONCE_BYTES:NONCE_BYTES + TAG_BYTES], raw[NONCE_BYTES + TAG_BYTES:]
    dec = _cipher(nonce, tag).decryptor()
    return (dec.update(ct) + dec.finalize()).decode("ascii")


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
