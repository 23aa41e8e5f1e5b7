"""Ingest inbound production archives from opposing counsel's SFTP drop.

Each ZIP or TAR in the drop folder is unpacked into the matter's intake
area, hashed, and listed in an inventory CSV for the processing team.
"""
import csv
import hashlib
import logging
import os
import shutil
import tarfile
import zipfile

log = logging.getLogger("production_ingest")

DROP_DIR = os.environ.get("SFTP_DROP_DIR", "/srv/sftp/opposing_counsel/incoming")
INTAKE_DIR = os.environ.get("INTAKE_DIR", "/srv/ediscovery/intake")
DONE_DIR = os.environ.get("DROP_DONE_DIR", "/srv/sftp/opposing_counsel/processed")


def _contained(dest: str, member: str) -> str:
    base = os.path.realpath(dest)
    target = os.path.realpath(os.path.join(base, member))
    if os.path.commonpath([base, target]) != base:
        raise ValueError(f"archive member escapes destination: {member!r}")
    return target


def extract_zip(archive: str, dest: str) -> None:
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = _contained(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)


def extract_tar(archive: str, dest: str) -> None:
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_inventory(dest: str) -> int:
    count = 0
    with open(os.path.join(dest, "_inventory.csv"), "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["relative_path", "bytes", "sha256"])
        for root, _dirs, files in os.walk(dest):
            for name in files:
                if name == "_inventory.csv":
                    continue
                full = os.path.join(root, name)
                writer.writerow([os.path.relpath(full, dest), os.path.getsize(full), sha256_of(full)])
                count += 1
    return count


def ingest_one(archive: str) -> None:
    base = os.path.basename(archive)
    dest = os.path.join(INTAKE_DIR, os.path.splitext(base)[0])
    os.makedirs(dest, exist_ok=True)
    if zipfile.is_zipfile(archive):
        extract_zip(archive, dest)
    elif tarfile.is_tarfile(archive):
        extract_tar(archive, dest)
    else:
        log.warning("skipping %r: not a zip or tar archive", base)
        return
    files = write_inventory(dest)
    shutil.move(archive, os.path.join(DONE_DIR, base))
    log.info("ingested %r: %d files", base, files)


def main():
    logging.basicConfig(level=logging.INFO)
    for name in sorted(os.listdir(DROP_DIR)):
        path = os.path.join(DROP_DIR, name)
        if os.path.isfile(path):
            try:
                ingest_one(path)
            except (zipfile.BadZipFile, tarfile.TarError, OSError, ValueError):
                log.exception("failed to ingest %r", name)


if __name__ == "__main__":
    main()
