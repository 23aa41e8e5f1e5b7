"""Encryption of archived EDI interchanges.

Raw 850/855/856/810 interchanges contain pricing and bank remittance data;
they are encrypted before being written to the long-term archive bucket."""
import base64
import gzip
import hashlib
import logging
import os
from dataclasses import dataclass

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("edi.archive")

ARCHIVE_BUCKET = "acme-edi-archive"


def _archive_key() -> bytes:
    return base64.b64decode(os.environ["EDI_ARCHIVE_KEY_B64"])


@dataclass
class Interchange:
    partner_id: str
    control_number: str
    doc_type: str
    payload: bytes


class ArchiveCipher:
    def __init__(self, key: bytes = None):
        key = key if key is not None else _archive_key()
        if len(key) != 32:
            raise ValueError("archive key must be 256 bits")
        self.key = key

    def encrypt(self, data: bytes) -> bytes:
        nonce = os.urandom(12)
        enc = AESGCM(self.key)
        return nonce + enc.encrypt(nonce, data, None)

    def decrypt(self, blob: bytes) -> bytes:
        dec = AESGCM(self.key)
        nonce, ciphertext = blob[:12], blob[12:]
        return dec.decrypt(nonce, ciphertext, None)


class EdiArchive:
    def __init__(self, cipher=None, s3=None):
        self.cipher = cipher or ArchiveCipher()
        self.s3 = s3 or boto3.client("s3")

    @staticmethod
    def object_key(ic: Interchange) -> str:
        return "%s/%s/%s.edi.gz.enc" % (ic.partner_id, ic.doc_type, ic.control_number)

    def store(self, ic: Interchange) -> str:
        blob = self.cipher.encrypt(gzip.compress(ic.payload))
        key = self.object_key(ic)
        self.s3.put_object(
            Bucket=ARCHIVE_BUCKET,
            Key=key,
            Body=blob,
            Metadata={"sha256": hashlib.sha256(ic.payload).hexdigest()},
        )
        log.info("archived %s (%d bytes)", key, len(blob))
        return key

    def load(self, partner_id: str, doc_type: str, control_number: str) -> bytes:
        key = "%s/%s/%s.edi.gz.enc" % (partner_id, doc_type, control_number)
        obj = self.s3.get_object(Bucket=ARCHIVE_BUCKET, Key=key)
        return gzip.decompress(self.cipher.decrypt(obj["Body"].read()))

    def export_b64(self, ic: Interchange) -> str:
        return base64.b64encode(self.cipher.encrypt(ic.payload)).decode("ascii")
