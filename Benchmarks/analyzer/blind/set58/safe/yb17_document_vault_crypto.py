"""Encrypt/decrypt archived legal documents before they go to cold storage."""
import base64
import logging
import os
import sys

import click
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault.crypto")

MAGIC = b"LVLT2"
NONCE_SIZE = 12
TAG_SIZE = 16


def load_key() -> bytes:
    encoded = os.environ.get("VAULT_KEY_B64")
    if not encoded:
        raise click.ClickException("VAULT_KEY_B64 is not set")
    key = base64.b64decode(encoded)
    if len(key) != 32:
        raise click.ClickException("VAULT_KEY_B64 must decode to 32 bytes")
    return key


def encrypt_bytes(data: bytes, key: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    ciphertext = encryptor.update(data) + encryptor.finalize()
    return MAGIC + nonce + encryptor.tag + ciphertext


def decrypt_bytes(blob: bytes, key: bytes) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not a vault file")
    body = blob[len(MAGIC):]
    nonce, tag, ciphertext = body[:NONCE_SIZE], body[NONCE_SIZE:NONCE_SIZE + TAG_SIZE], body[NONCE_SIZE + TAG_SIZE:]
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    return decryptor.update(ciphertext) + decryptor.finalize()


def _transform(src: str, dest: str, fn) -> int:
    key = load_key()
    with open(src, "rb") as fh:
        out = fn(fh.read(), key)
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
