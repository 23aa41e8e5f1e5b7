"""Encrypt / decrypt high-value video masters before they go to cold storage."""
import os
from pathlib import Path

import typer
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

app = typer.Typer(help="Cold-storage encryption for video masters")

MAGIC = b"VMK2"
NONCE_LEN = 12
TAG_LEN = 16
CHUNK = 4 * 1024 * 1024


def _master_key() -> bytes:
    key_hex = os.environ.get("MASTER_ASSET_KEY", "")
    if len(key_hex) != 64:
        raise typer.BadParameter("MASTER_ASSET_KEY must be 32 bytes of hex")
    return bytes.fromhex(key_hex)


def _cipher(key: bytes, nonce: bytes, tag: bytes = None) -> Cipher:
    return Cipher(algorithms.AES(key), modes.GCM(nonce, tag))


@app.command()
def encrypt(src: Path, dest: Path, overwrite: bool = False):
    """Encrypt SRC into DEST."""
    if dest.exists() and not overwrite:
        raise typer.BadParameter(f"{dest} exists; pass --overwrite")
    nonce = os.urandom(NONCE_LEN)
    encryptor = _cipher(_master_key(), nonce).encryptor()
    encryptor.authenticate_additional_data(MAGIC)
    with src.open("rb") as fin, dest.open("wb") as fout:
        fout.write(MAGIC + nonce)
        while chunk := fin.read(CHUNK):
            fout.write(encryptor.update(chunk))
        fout.write(encryptor.finalize())
        fout.write(encryptor.tag)
    typer.echo(f"encrypted {src} -> {dest}")


@app.command()
def decrypt(src: Path, dest: Path):
    """Decrypt SRC (produced by ``encrypt``) into DEST."""
    size = src.stat().st_size
    with src.open("rb") as fin:
        if fin.read(len(MAGIC)) != MAGIC:
            raise typer.BadParameter("not an encrypted master")
        nonce = fin.read(NONCE_LEN)
        fin.seek(size - TAG_LEN)
        tag = fin.read(TAG_LEN)
        fin.seek(len(MAGIC) + NONCE_LEN)
        remaining = size - len(MAGIC) - NONCE_LEN - TAG_LEN
        decryptor = _cipher(_master_key(), nonce, tag).decryptor()
        decryptor.authenticate_additional_data(MAGIC)
        with dest.open("wb") as fout:
            while remaining > 0:
                chunk = fin.read(min(CHUNK, remaining))
                remaining -= len(chunk)
                fout.write(decryptor.update(chunk))
            fout.write(decryptor.finalize())
    typer.echo(f"decrypted {src} -> {dest}")


@app.command()
def inspect(src: Path):
    """Report whether SRC looks like an encrypted master."""
    with src.open("rb") as fin:
        header = fin.read(len(MAGIC))
    typer.echo("encrypted" if header == MAGIC else "plain")


if __name__ == "__main__":
    app()
