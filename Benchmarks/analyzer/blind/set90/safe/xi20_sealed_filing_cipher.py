"""At-rest encryption for sealed filings in the clerk's document store.

    python sealed_filing_cipher.py seal motion.pdf motion.pdf.sealed
    python sealed_filing_cipher.py unseal motion.pdf.sealed motion.pdf
"""
import argparse
import base64
import logging
import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("sealed_docs")

NONCE_LEN = 12
TAG_LEN = 16


def _load_key() -> bytes:
    raw = os.environ.get("SEALED_DOC_KEY")
    if not raw:
        raise RuntimeError("SEALED_DOC_KEY is not set")
    key = base64.b64decode(raw)
    if len(key) != 32:
        raise RuntimeError("SEALED_DOC_KEY must decode to 32 bytes")
    return key


class SealedDocumentCipher:
    MAGIC = b"SEAL2"

    def __init__(self, key: bytes = None):
        self.key = key or _load_key()

    def encrypt(self, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(self.MAGIC)
        ciphertext = encryptor.update(plaintext) + encryptor.finalize()
        return self.MAGIC + nonce + encryptor.tag + ciphertext

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(self.MAGIC):
            raise ValueError("not a sealed document")
        body = blob[len(self.MAGIC):]
        nonce, tag, ciphertext = body[:NONCE_LEN], body[NONCE_LEN:NONCE_LEN + TAG_LEN], body[NONCE_LEN + TAG_LEN:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(self.MAGIC)
        return decryptor.update(ciphertext) + decryptor.finalize()


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
