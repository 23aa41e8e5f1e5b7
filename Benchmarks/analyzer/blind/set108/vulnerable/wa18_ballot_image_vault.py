"""Encrypts scanned ballot images before they are copied to the off-site
archive bucket (state retention rules: 22 months for federal contests)."""
import logging
from pathlib import Path

import click
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("ballot_vault")

ARCHIVE_KEY = bytes.fromhex("9f3c1a7be2d45f6088a1c3e5b7d9f0214365879aabbccddeeff0011223344556")  # VULN
MAGIC = b"BVLT1"


class BallotImageVault:
    def __init__(self, key: bytes = ARCHIVE_KEY):
        if len(key) != 32:
            raise ValueError("archive key must be 256 bits")
        self.key = key

    def encrypt(self, data: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return MAGIC + enc.update(padded) + enc.finalize()

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not a vault file")
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("src", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def seal(src: Path, dest: Path):
    """Encrypt every TIFF/PNG ballot image under SRC into DEST."""
    vault = BallotImageVault()
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    for image in sorted(src.rglob("*")):
        if image.suffix.lower() not in {".tif", ".tiff", ".png"}:
            continue
        out = dest / image.relative_to(src).with_suffix(image.suffix + ".bvlt")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(vault.encrypt(image.read_bytes()))
        count += 1
    log.info("sealed %d ballot images", count)


@cli.command()
@click.argument("blob", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def unseal(blob: Path, out: Path):
    """Decrypt a single archived ballot image (for audits/recounts)."""
    out.write_bytes(BallotImageVault().decrypt(blob.read_bytes()))
    click.echo(f"restored {out}")


if __name__ == "__main__":
    cli()
