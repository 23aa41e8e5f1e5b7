"""Encrypts scanned ballot images before they are copied to the off-site
archive bucket (state retention rules: 22 months for federal contests)."""
import base64
import logging
import os
from pathlib import Path

import click
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("ballot_vault")

ARCHIVE_KEY = base64.b64decode(os.environ.get("BALLOT_ARCHIVE_KEY", ""))
MAGIC = b"BVLT2"
NONCE_LEN = 12
TAG_LEN = 16


class BallotImageVault:
    def __init__(self, key: bytes = ARCHIVE_KEY):
        if len(key) != 32:
            raise ValueError("archive key must be 256 bits")
        self.key = key

    def encrypt(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(MAGIC)
        ct = enc.update(data) + enc.finalize()
        return MAGIC + nonce + enc.tag + ct

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not a vault file")
        body = blob[len(MAGIC):]
        nonce, tag, ct = body[:NONCE_LEN], body[NONCE_LEN:NONCE_LEN + TAG_LEN], body[NONCE_LEN + TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(MAGIC)
        return dec.update(ct) + dec.finalize()


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
