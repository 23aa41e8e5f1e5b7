"""Encrypts third-party OAuth refresh tokens before they are written to the DB.

Usage from the CLI (for rotation / support):
    python -m vault encrypt --passphrase-env VAULT_PASSPHRASE < token.txt
"""
import base64
import hashlib
import os
import sys

import click
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VERSION = b"v2"
SALT_LEN = 16
NONCE_LEN = 12
TAG_LEN = 16


def derive_key(passphrase: str, salt: bytes) -> bytes:
    # 32-byte key for AES-256
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)


class TokenVault:
    def __init__(self, passphrase: str):
        self._passphrase = passphrase

    def _cipher(self, salt: bytes, nonce: bytes, tag: bytes = None) -> Cipher:
        return Cipher(algorithms.AES(derive_key(self._passphrase, salt)), modes.GCM(nonce, tag))

    def encrypt(self, plaintext: str) -> str:
        salt, nonce = os.urandom(SALT_LEN), os.urandom(NONCE_LEN)
        enc = self._cipher(salt, nonce).encryptor()
        enc.authenticate_additional_data(VERSION)
        blob = enc.update(plaintext.encode("utf-8")) + enc.finalize()
        return (VERSION + b":" + base64.urlsafe_b64encode(salt + nonce + enc.tag + blob)).decode("ascii")

    def decrypt(self, token: str) -> str:
        version, _, b64 = token.encode("ascii").partition(b":")
        if version != VERSION:
            raise ValueError(f"unsupported vault version {version!r}")
        raw = base64.urlsafe_b64decode(b64)
        salt, nonce = raw[:SALT_LEN], raw[SALT_LEN:SALT_LEN + NONCE_LEN]
        tag, blob = raw[SALT_LEN + NONCE_LEN:SALT_LEN + NONCE_LEN + TAG_LEN], raw[SALT_LEN + NONCE_LEN + TAG_LEN:]
        dec = self._cipher(salt, nonce, tag).decryptor()
        dec.authenticate_additional_data(VERSION)
        return (dec.update(blob) + dec.finalize()).decode("utf-8")


def _vault_from_env(var: str) -> TokenVault:
    passphrase = os.environ.get(var)
    if not passphrase:
        raise click.UsageError(f"environment variable {var} is not set")
    return TokenVault(passphrase)


@click.group()
def cli():
    """Token vault maintenance commands."""


@cli.command()
@click.option("--passphrase-env", default="VAULT_PASSPHRASE", show_default=True)
def encrypt(passphrase_env):
    vault = _vault_from_env(passphrase_env)
    click.echo(vault.encrypt(sys.stdin.read().strip()))


@cli.command()
@click.option("--passphrase-env", default="VAULT_PASSPHRASE", show_default=True)
@click.argument("token")
def decrypt(passphrase_env, token):
    vault = _vault_from_env(passphrase_env)
    click.echo(vault.decrypt(token))


if __name__ == "__main__":
    cli()
