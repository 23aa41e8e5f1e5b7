"""Encrypt/decrypt archived legal documents before they go to cold storage."""
import logging
import os
import sys

import click
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault.crypto")

MAGIC = b"LVLT1"
VAULT_KEY = bytes.fromhex("3f9a0c5e7b21d48e96af0b3c55d2e71a08c4f6b19e2d7a3c5f81b0e4d6a9c237")  # VULN


def encrypt_bytes(data: bytes, key: bytes = VAULT_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return MAGIC + encryptor.update(padded) + encryptor.finalize()


def decrypt_bytes(blob: bytes, key: bytes = VAULT_KEY) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not a vault file")
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(blob[len(MAGIC):]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def _transform(src: str, dest: str, fn) -> int:
    with open(src, "rb") as fh:
        out = fn(fh.read())
    with open(dest, "wb") as fh:
        fh.write(out)
    return len(out)


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    """Document vault tooling."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("src", type=click.Path(exists=True, dir_okay=False))
@click.argument("dest", type=click.Path(dir_okay=False))
def encrypt(src, dest):
    size = _transform(src, dest, encrypt_bytes)
    log.info("encrypted %s -> %s (%d bytes)", src, dest, size)


@cli.command()
@click.argument("src", type=click.Path(exists=True, dir_okay=False))
@click.argument("dest", type=click.Path(dir_okay=False))
def decrypt(src, dest):
    try:
        size = _transform(src, dest, decrypt_bytes)
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    log.info("decrypted %s -> %s (%d bytes)", src, dest, size)


@cli.command("encrypt-dir")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
def encrypt_dir(directory):
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if os.path.isfile(path) and not name.endswith(".vault"):
            _transform(path, path + ".vault", encrypt_bytes)
            os.remove(path)


if __name__ == "__main__":
    cli()
