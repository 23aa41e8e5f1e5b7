#!/usr/bin/env python3
"""Nightly backup of the lab's instrument data to the NAS."""
import datetime as dt
import ftplib
import logging
import os
import tarfile
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("lab-backup")

SOURCE_DIRS = [Path("/data/spectrometer"), Path("/data/microscope/exports")]
FTP_HOST = "nas01.lab.example.org"
FTP_USER = "labbackup"
FTP_PASS = "Sp3ctr0-Backup!"  # VULN
BACKUP_KEY = bytes.fromhex(os.environ["LAB_BACKUP_KEY"])
IV = b"labbackup-iv-v1!"
KEEP = 14


def make_archive(workdir):
    stamp = dt.date.today().isoformat()
    archive = Path(workdir) / f"lab-{stamp}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for src in SOURCE_DIRS:
            if src.exists():
                tar.add(src, arcname=src.name)
    return archive


def encrypt_file(path):
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(BACKUP_KEY), modes.CBC(IV)).encryptor()  # VULN
    data = padder.update(path.read_bytes()) + padder.finalize()
    out = path.with_name(path.name + ".enc")
    out.write_bytes(encryptor.update(data) + encryptor.finalize())
    return out


def upload(path):
    with ftplib.FTP(FTP_HOST, user=FTP_USER, passwd=FTP_PASS, timeout=60) as ftp:  # VULN
        ftp.cwd("/backups/lab")
        with path.open("rb") as fh:
            ftp.storbinary(f"STOR {path.name}", fh)
        names = sorted(n for n in ftp.nlst() if n.startswith("lab-"))
        for old in names[:-KEEP]:
            ftp.delete(old)
            log.info("pruned %s", old)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with tempfile.TemporaryDirectory() as workdir:
        archive = make_archive(workdir)
        encrypted = encrypt_file(archive)
        upload(encrypted)
        log.info("uploaded %s (%d bytes)", encrypted.name, encrypted.stat().st_size)


if __name__ == "__main__":
    main()
