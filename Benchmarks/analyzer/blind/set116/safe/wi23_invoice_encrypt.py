"""Field-level encryption for ACH autopay details on customer accounts.

Bank routing / account numbers are stored encrypted in `autopay_methods`
and only decrypted by the invoice run when a payment file is generated.
"""
import base64
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("billing.crypto")

AUTOPAY_KEY = bytes.fromhex(os.environ["AUTOPAY_KEY_HEX"])


@dataclass
class BankDetails:
    routing: str
    account: str
    holder: str

    def masked(self) -> str:
        return f"{self.holder} ****{self.account[-4:]}"


class FieldCipher:
    def __init__(self, key: bytes):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self._key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self._key)

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        data = self._cipher().encrypt(nonce, plaintext.encode("utf-8"), b"autopay")
        return base64.b64encode(nonce + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        data = self._cipher().decrypt(raw[:12], raw[12:], b"autopay")
        return data.decode("utf-8")


_cipher = FieldCipher(AUTOPAY_KEY)


def store_bank_details(conn, account_id: int, details: BankDetails) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO autopay_methods (account_id, routing_enc, account_enc, holder, display) "
            "VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (account_id) DO UPDATE SET routing_enc = EXCLUDED.routing_enc, "
            "account_enc = EXCLUDED.account_enc, holder = EXCLUDED.holder, display = EXCLUDED.display",
            (
                account_id,
                _cipher.encrypt(details.routing),
                _cipher.encrypt(details.account),
                details.holder,
                details.masked(),
            ),
        )
    conn.commit()
    log.info("autopay method updated for account %s", account_id)


def load_bank_details(conn, account_id: int) -> BankDetails:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT routing_enc, account_enc, holder FROM autopay_methods WHERE account_id = %s",
            (account_id,),
        )
        row = cur.fetchone()
    if row is None:
        raise LookupError(f"no autopay method for account {account_id}")
    return BankDetails(_cipher.decrypt(row[0]), _cipher.decrypt(row[1]), row[2])
