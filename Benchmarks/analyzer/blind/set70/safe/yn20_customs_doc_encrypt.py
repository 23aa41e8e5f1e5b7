"""At-rest encryption for customs declarations (commercial invoices, packing lists)."""
import base64
import json
import os
from pathlib import Path
from typing import Any, Dict

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

NONCE_LEN = 12
TAG_LEN = 16


def load_key() -> bytes:
    key = base64.b64decode(os.environ["DECLARATION_VAULT_KEY"])
    if len(key) not in (16, 24, 32):
        raise ValueError("vault key must be 128/192/256 bits")
    return key


class DeclarationVault:
    def __init__(self, root: Path, key: bytes):
        self.root = root
        self.key = key
        self.root.mkdir(parents=True, exist_ok=True)

    def encrypt(self, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        data = enc.update(plaintext) + enc.finalize()
        return nonce + data + enc.tag

    def decrypt(self, blob: bytes) -> bytes:
        nonce, data, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return dec.update(data) + dec.finalize()

    def _path(self, declaration_id: str) -> Path:
        if not declaration_id.isalnum():
            raise ValueError("bad declaration id")
        return self.root / ("%s.bin" % declaration_id)

    def save(self, declaration_id: str, document: Dict[str, Any]) -> Path:
        path = self._path(declaration_id)
        path.write_bytes(self.encrypt(json.dumps(document, sort_keys=True).encode("utf-8")))
        return path

    def load(self, declaration_id: str) -> Dict[str, Any]:
        return json.loads(self.decrypt(self._path(declaration_id).read_bytes()))


if __name__ == "__main__":
    vault = DeclarationVault(Path("/srv/customs/vault"), load_key())
    vault.save("DEC2024000117", {
        "exporter": "ACME Trading BV",
        "hs_lines": [{"code": "847130", "value_eur": 18450.0}],
        "incoterm": "FOB",
    })
    print(vault.load("DEC2024000117"))
