"""At-rest encryption for sealed filings in the clerk's document store.

    python sealed_filing_cipher.py seal motion.pdf motion.pdf.sealed
    python sealed_filing_cipher.py unseal motion.pdf.sealed motion.pdf
"""
import argparse
import base64
import logging
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("sealed_docs")


def _load_key() -> bytes:
    raw = os.environ.get("SEALED_DOC_KEY")
    if not raw:
        raise RuntimeError("SEALED_DOC_KEY is not set")
    key = base64.b64decode(raw)
    if len(key) != 32:
        raise RuntimeError("SEALED_DOC_KEY must decode to 32 bytes")
    return key


class SealedDocumentCipher:
    MAGIC = b"SEAL1"

    def __init__(self, key: bytes = None):
        self.key = key or _load_key()

    def encrypt(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return self.MAGIC + encryptor.update(padded) + encryptor.finalize()

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(self.MAGIC):
            raise ValueError("not a sealed document")
        decryptor = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = decryptor.update(blob[len(self.MAGIC):]) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


def seal_file(cipher: SealedDocumentCipher, src: str, dest: str) -> None:
    with open(src, "rb") as fh:
        data = fh.read()
    with open(dest, "wb") as fh:
        fh.write(cipher.encrypt(data))
    log.info("sealed %s -> %s (%d bytes)", src, dest, len(data))


def unseal_file(cipher: SealedDocumentCipher, src: str, dest: str) -> None:
    with open(src, "rb") as fh:
        blob = fh.read()
    with open(dest, "wb") as fh:
        fh.write(cipher.decrypt(blob))
    log.info("unsealed %s -> %s", src, dest)


def main():
    parser = argparse.ArgumentParser(description="Seal or unseal a court filing")
    parser.add_argument("action", choices=["seal", "unseal"])
    parser.add_argument("src")
    parser.add_argument("dest")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    cipher = SealedDocumentCipher()
    if args.action == "seal":
        seal_file(cipher, args.src, args.dest)
    else:
        unseal_file(cipher, args.src, args.dest)


if __name__ == "__main__":
    main()
