"""Encrypts device credentials stored in the automation inventory file."""
import argparse
import base64
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VAULT_KEY = base64.b64decode(os.environ["NETOPS_VAULT_KEY"])
SECRET_FIELDS = ("password", "enable_secret", "snmp_community")
PREFIX = "enc:"
NONCE_SIZE = 12


class CredentialVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self.key = key

    def _cipher(self):
        return AESGCM(self.key)

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_SIZE)
        data = self._cipher().encrypt(nonce, plaintext.encode("utf-8"), None)
        return PREFIX + base64.b64encode(nonce + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token[len(PREFIX):])
        nonce, data = raw[:NONCE_SIZE], raw[NONCE_SIZE:]
        return self._cipher().decrypt(nonce, data, None).decode("utf-8")


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
