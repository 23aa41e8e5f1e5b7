"""Encrypt / decrypt high-value video masters before they go to cold storage."""
from pathlib import Path

import typer
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

app = typer.Typer(help="Cold-storage encryption for video masters")

MASTER_KEY = bytes.fromhex(  # VULN
    "6b1f0c9e2a7d4458b3e1f0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9"
)
MAGIC = b"VMK1"
CHUNK = 4 * 1024 * 1024


def _cipher(key: bytes) -> Cipher:
    return Cipher(algorithms.AES(key), modes.ECB())  # VULN


@app.command()
def encrypt(src: Path, dest: Path, overwrite: bool = False):
    """Encrypt SRC into DEST."""
    if dest.exists() and not overwrite:
        raise typer.BadParameter(f"{dest} exists; pass --overwrite")
    encryptor = _cipher(MASTER_KEY).encryptor()
    padder = padding.PKCS7(128).padder()
    with src.open("rb") as fin, dest.open("wb") as fout:
        fout.write(MAGIC)
        while chunk := fin.read(CHUNK):
            fout.write(encryptor.update(padder.update(chunk)))
        fout.write(encryptor.update(padder.finalize()) + encryptor.finalize())
    typer.echo(f"encrypted {src} -> {dest}")


@app.command()
def decrypt(src: Path, dest: Path):
    """Decrypt SRC (produced by ``encrypt``) into DEST."""
    decryptor = _cipher(MASTER_KEY).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    with src.open("rb") as fin, dest.open("wb") as fout:
        if fin.read(len(MAGIC)) != MAGIC:
            raise typer.BadParameter("not an encrypted master")
        while chunk := fin.read(CHUNK):
            fout.write(unpadder.update(decryptor.update(chunk)))
        fout.write(unpadder.update(decryptor.finalize()) + unpadder.finalize())
    typer.echo(f"decrypted {src} -> {dest}")


@app.command()
def inspect(src: Path):
    """Report whether SRC looks like an encrypted master."""
    with src.open("rb") as fin:
        header = fin.read(len(MAGIC))
    typer.echo("encrypted" if header == MAGIC else "plain")


if __name__ == "__main__":
    app()
