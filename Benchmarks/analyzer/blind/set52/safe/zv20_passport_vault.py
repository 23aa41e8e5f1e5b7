"""Encrypts traveller passport details before they are written to the bookings DB."""
import base64
import json
import logging
import os
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES

log = logging.getLogger("passport_vault")

VAULT_KEY = base64.b64decode(os.environ.get("PASSPORT_VAULT_KEY", ""))
NONCE_LEN = 12
TAG_LEN = 16


@dataclass
class PassportDetails:
    surname: str
    given_names: str
    number: str
    nationality: str
    expiry: str
    date_of_birth: str


class PassportVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self._key = key

    def _cipher(self, nonce: bytes):
        return AES.new(self._key, AES.MODE_GCM, nonce=nonce)

    def seal(self, details: PassportDetails) -> str:
        plaintext = json.dumps(asdict(details), sort_keys=True).encode("utf-8")
        nonce = os.urandom(NONCE_LEN)
        ciphertext, tag = self._cipher(nonce).encrypt_and_digest(plaintext)
        return base64.b64encode(nonce + tag + ciphertext).decode("ascii")

    def open(self, token: str) -> PassportDetails:
        blob = base64.b64decode(token)
        nonce, tag, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:NONCE_LEN + TAG_LEN], blob[NONCE_LEN + TAG_LEN:]
        plaintext = self._cipher(nonce).decrypt_and_verify(ciphertext, tag)
        return PassportDetails(**json.loads(plaintext))


def store_traveller(conn, booking_ref: str, details: PassportDetails, vault: PassportVault) -> None:
    sealed = vault.seal(details)
    with conn:
        conn.execute(
            "INSERT INTO travellers (booking_ref, surname, passport_blob) VALUES (?, ?, ?)",
            (booking_ref, details.surname.upper(), sealed),
        )
    log.info("stored passport for booking %r", booking_ref)


def load_traveller(conn, booking_ref: str, vault: PassportVault):
    row = conn.execute(
        "SELECT passport_blob FROM travellers WHERE booking_ref = ?", (booking_ref,)
    ).fetchone()
    return vault.open(row[0]) if row else None
