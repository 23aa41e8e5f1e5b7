"""Encrypt result archives before they are pushed to the off-site bucket.

    python zu21_archive_encrypt_results.py pack /data/results/run_0412 out.tar.enc
    python zu21_archive_encrypt_results.py unpack out.tar.enc restored.tar
"""
import argparse
import logging
import os
import tarfile
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("archive_crypt")

KEY_FILE = Path(os.environ.get("ARCHIVE_KEY_FILE", "/etc/lab/archive.key"))
MAGIC = b"LABENC2\n"
CHUNK = 1 << 20
NONCE_LEN = 12
TAG_LEN = 16


def load_key() -> bytes:
    key = bytes.fromhex(KEY_FILE.read_text().strip())
    if len(key) != 32:
        raise ValueError("archive key must be 256 bits")
    return key


def make_tarball(src_dir: Path, out_path: Path) -> None:
    with tarfile.open(out_path, "w") as tar:
        tar.add(src_dir, arcname=src_dir.name)


def encrypt_file(src: Path, dst: Path, key: bytes) -> None:
    nonce = os.urandom(NONCE_LEN)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(MAGIC)
    with src.open("rb") as fin, dst.open("wb") as fout:
        fout.write(MAGIC + nonce)
        while chunk := fin.read(CHUNK):
            fout.write(encryptor.update(chunk))
        fout.write(encryptor.finalize() + encryptor.tag)


def decrypt_file(src: Path, dst: Path, key: bytes) -> None:
    size = src.stat().st_size
    with src.open("rb") as fin, dst.open("wb") as fout:
        if fin.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{src} is not an encrypted lab archive")
        nonce = fin.read(NONCE_LEN)
        fin.seek(size - TAG_LEN)
        tag = fin.read(TAG_LEN)
        fin.seek(len(MAGIC) + NONCE_LEN)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(MAGIC)
        remaining = size - len(MAGIC) - NONCE_LEN - TAG_LEN
        while remaining > 0:
            chunk = fin.read(min(CHUNK, remaining))
            remaining -= len(chunk)
            fout.write(decryptor.update(chunk))
        fout.write(decryptor.finalize())


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_pack = sub.add_parser("pack")
    p_pack.add_argument("src_dir", type=Path)
    p_pack.add_argument("out", type=Path)
    p_unpack = sub.add_parser("unpack")
    p_unpack.add_argument("archive", type=Path)
    p_unpack.add_argument("out", type=Path)
    args = ap.parse_args()

    key = load_key()
    if args.cmd == "pack":
        with tempfile.TemporaryDirectory() as tmp:
            tar_path = Path(tmp) / "bundle.tar"
            make_tarball(args.src_dir, tar_path)
            encrypt_file(tar_path, args.out, key)
        log.info("encrypted %s -> %s", args.src_dir, args.out)
    else:
        decrypt_file(args.archive, args.out, key)
        log.info("decrypted %s -> %s", args.archive, args.out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
