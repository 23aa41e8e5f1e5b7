"""Encrypts traveller passport details before they are written to the bookings DB."""
import base64
import json
import logging
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("passport_vault")

VAULT_KEY = b"Tr4v3lD0cs-K3y!!Tr4v3lD0cs-K3y!!"  # VULN


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

    def _cipher(self):
        return AES.new(self._key, AES.MODE_ECB)  # VULN

    def seal(self, details: PassportDetails) -> str:
        plaintext = json.dumps(asdict(details), sort_keys=True).encode("utf-8")
        blob = self._cipher().encrypt(pad(plaintext, AES.block_size))
        return base64.b64encode(blob).decode("ascii")

    def open(self, token: str) -> PassportDetails:
        blob = base64.b64decode(token)
        plaintext = unpad(self._cipher().decrypt(blob), AES.block_size)
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
