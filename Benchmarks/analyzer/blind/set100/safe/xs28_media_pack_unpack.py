"""Unpack lesson media packs (images, audio) uploaded by course authors.

Invoked by the upload worker as:  unpack_media.py PACK --lesson es-a1-03
"""
import argparse
import logging
import os
import re
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

log = logging.getLogger("unpack_media")

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/tutor/media"))
ALLOWED_EXT = {".png", ".jpg", ".jpeg", ".webp", ".mp3", ".ogg", ".wav", ".json"}
LESSON_CODE = re.compile(r"^[a-z]{2}-[a-z0-9]{2}-\d{2}$")
MAX_TOTAL = 500 * 1024 * 1024


def wanted(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ALLOWED_EXT


def contained(dest: str, name: str) -> str:
    base = os.path.realpath(dest)
    target = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, target]) != base:
        raise ValueError(f"member escapes destination: {name!r}")
    return target


def unpack_zip(archive: Path, dest: str) -> int:
    count = 0
    with zipfile.ZipFile(archive) as zf:
        if sum(m.file_size for m in zf.infolist()) > MAX_TOTAL:
            raise ValueError("pack too large")
        for member in zf.infolist():
            if member.is_dir() or not wanted(member.filename):
                continue
            target = contained(dest, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            count += 1
    return count


def unpack_tar(archive: Path, dest: str) -> int:
    with tarfile.open(archive, "r:*") as tf:
        members = [m for m in tf.getmembers() if m.isfile() and wanted(m.name)]
        for m in members:
            contained(dest, m.name)
        if sum(m.size for m in members) > MAX_TOTAL:
            raise ValueError("pack too large")
        tf.extractall(dest, members=members)
    return len(members)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Unpack a lesson media pack")
    parser.add_argument("pack", type=Path)
    parser.add_argument("--lesson", required=True, help="lesson code, e.g. es-a1-03")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if not LESSON_CODE.match(args.lesson):
        parser.error("bad lesson code")
    dest = str(MEDIA_ROOT / args.lesson)
    os.makedirs(dest, exist_ok=True)
    try:
        if zipfile.is_zipfile(args.pack):
            count = unpack_zip(args.pack, dest)
        elif tarfile.is_tarfile(args.pack):
            count = unpack_tar(args.pack, dest)
        else:
            log.error("%s is not a zip or tar archive", args.pack)
            return 2
    except (ValueError, zipfile.BadZipFile, tarfile.TarError) as exc:
        log.error("could not unpack %s: %s", args.pack, exc)
        return 1
    log.info("lesson %s: unpacked %d media files", args.lesson, count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
