"""Encrypts third-party OAuth refresh tokens before they are written to the DB.

Usage from the CLI (for rotation / support):
    python -m vault encrypt --passphrase-env VAULT_PASSPHRASE < token.txt
"""
import base64
import hashlib
import os
import sys

import click
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VERSION = b"v1"


def derive_key(passphrase: str) -> bytes:
    # 32-byte key for AES-256
    digest = hashlib.md5(passphrase.encode("utf-8")).hexdigest()  # VULN
    return digest.encode("ascii")


class TokenVault:
    def __init__(self, passphrase: str):
        self._key = derive_key(passphrase)

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(data) + enc.finalize()
        return (VERSION + b":" + base64.urlsafe_b64encode(blob)).decode("ascii")

    def decrypt(self, token: str) -> str:
        version, _, b64 = token.encode("ascii").partition(b":")
        if version != VERSION:
            raise ValueError(f"unsupported vault version {version!r}")
        dec = self._cipher().decryptor()
        data = dec.update(base64.urlsafe_b64decode(b64)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


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
