"""Encrypt result archives before they are pushed to the off-site bucket.

    python zu21_archive_encrypt_results.py pack /data/results/run_0412 out.tar.enc
    python zu21_archive_encrypt_results.py unpack out.tar.enc restored.tar
"""
import argparse
import logging
import tarfile
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("archive_crypt")

ARCHIVE_KEY = bytes.fromhex("6b3f9a0c21d84e57a1c0f2e3b4d5968790a1b2c3d4e5f60718293a4b5c6d7e8f")  # VULN
MAGIC = b"LABENC1\n"
CHUNK = 1 << 20


def make_tarball(src_dir: Path, out_path: Path) -> None:
    with tarfile.open(out_path, "w") as tar:
        tar.add(src_dir, arcname=src_dir.name)


def encrypt_file(src: Path, dst: Path, key: bytes = ARCHIVE_KEY) -> None:
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    with src.open("rb") as fin, dst.open("wb") as fout:
        fout.write(MAGIC)
        while chunk := fin.read(CHUNK):
            fout.write(encryptor.update(padder.update(chunk)))
        fout.write(encryptor.update(padder.finalize()) + encryptor.finalize())


def decrypt_file(src: Path, dst: Path, key: bytes = ARCHIVE_KEY) -> None:
    unpadder = padding.PKCS7(128).unpadder()
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    with src.open("rb") as fin, dst.open("wb") as fout:
        if fin.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{src} is not an encrypted lab archive")
        while chunk := fin.read(CHUNK):
            fout.write(unpadder.update(decryptor.update(chunk)))
        fout.write(unpadder.update(decryptor.finalize()) + unpadder.finalize())


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

    if args.cmd == "pack":
        with tempfile.TemporaryDirectory() as tmp:
            tar_path = Path(tmp) / "bundle.tar"
            make_tarball(args.src_dir, tar_path)
            encrypt_file(tar_path, args.out)
        log.info("encrypted %s -> %s", args.src_dir, args.out)
    else:
        decrypt_file(args.archive, args.out)
        log.info("decrypted %s -> %s", args.archive, args.out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
