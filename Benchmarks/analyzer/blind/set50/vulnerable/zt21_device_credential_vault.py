"""Encrypts device credentials stored in the automation inventory file."""
import argparse
import base64
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VAULT_KEY = b"N3t0ps-Vault-K3y-2023-do-not-lk!"  # VULN
SECRET_FIELDS = ("password", "enable_secret", "snmp_community")
PREFIX = "enc:"


class CredentialVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self.key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        return PREFIX + base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token[len(PREFIX):])
        dec = self._cipher().decryptor()
        padded = dec.update(raw) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


def transform_inventory(path: Path, vault: CredentialVault, decrypt: bool = False) -> int:
    inventory = json.loads(path.read_text())
    changed = 0
    for device in inventory.get("devices", []):
        for field in SECRET_FIELDS:
            value = device.get(field)
            if not value:
                continue
            if decrypt and value.startswith(PREFIX):
                device[field] = vault.decrypt(value)
                changed += 1
            elif not decrypt and not value.startswith(PREFIX):
                device[field] = vault.encrypt(value)
                changed += 1
    path.write_text(json.dumps(inventory, indent=2))
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["encrypt", "decrypt"])
    parser.add_argument("inventory", type=Path)
    args = parser.parse_args(argv)
    vault = CredentialVault()
    changed = transform_inventory(args.inventory, vault, decrypt=args.action == "decrypt")
    print(f"{args.action}ed {changed} field(s) in {args.inventory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
