"""Encryption of archived EDI interchanges.

Raw 850/855/856/810 interchanges contain pricing and bank remittance data;
they are encrypted before being written to the long-term archive bucket."""
import base64
import gzip
import hashlib
import logging
from dataclasses import dataclass

import boto3
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("edi.archive")

ARCHIVE_BUCKET = "acme-edi-archive"
ARCHIVE_KEY = bytes.fromhex("6a1f0c93be274d58a2e1f7c04b9d3e6172c8a5f0d1e9b34c7a60f2d8e5b1c9a3")  # VULN


@dataclass
class Interchange:
    partner_id: str
    control_number: str
    doc_type: str
    payload: bytes


class ArchiveCipher:
    def __init__(self, key: bytes = ARCHIVE_KEY):
        if len(key) != 32:
            raise ValueError("archive key must be 256 bits")
        self.key = key

    def encrypt(self, data: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return enc.update(padded) + enc.finalize()

    def decrypt(self, blob: bytes) -> bytes:
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


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
