"""Unpack sample packs uploaded by producers into the shared sample library.

Packs arrive as .zip or .tar.gz in the upload spool; each pack is unpacked
into LIBRARY/<producer>/<pack name>/ and the archive is moved to done/.
"""
import logging
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

import click

log = logging.getLogger("samplepacks")
LIBRARY = Path("/srv/samples/library")
KEEP_EXTS = {".wav", ".aif", ".aiff", ".flac", ".mid", ".txt", ".pdf"}


def _wanted(name: str) -> bool:
    return Path(name).suffix.lower() in KEEP_EXTS


def _write_member(dest_root: Path, name: str, src) -> Path:
    root = os.path.realpath(dest_root)
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise ValueError(f"archive member escapes pack folder: {name!r}")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as out:
        shutil.copyfileobj(src, out)
    return Path(target)


def unpack_zip(archive: Path, dest: Path) -> int:
    count = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir() or not _wanted(info.filename):
                continue
            with zf.open(info) as src:
                _write_member(dest, info.filename, src)
            count += 1
    return count


def unpack_tar(archive: Path, dest: Path) -> int:
    count = 0
    with tarfile.open(archive, "r:*") as tf:
        for member in tf.getmembers():
            if not member.isfile() or not _wanted(member.name):
                continue
            src = tf.extractfile(member)
            if src is None:
                continue
            with src:
                _write_member(dest, member.name, src)
            count += 1
    return count


@click.command()
@click.argument("spool", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--producer", required=True, help="producer account slug")
def main(spool: Path, producer: str):
    """Unpack every archive in SPOOL for PRODUCER."""
    logging.basicConfig(level=logging.INFO)
    done = spool / "done"
    done.mkdir(exist_ok=True)
    for archive in sorted(spool.iterdir()):
        pack = archive.name.split(".")[0]
        dest = LIBRARY / producer / pack
        try:
            if archive.suffix == ".zip":
                n = unpack_zip(archive, dest)
            elif archive.name.endswith((".tar.gz", ".tgz")):
                n = unpack_tar(archive, dest)
            else:
                continue
        except ValueError as exc:
            log.error("rejected %r: %s", archive.name, exc)
            continue
        shutil.move(str(archive), str(done / archive.name))
        click.echo(f"{archive.name}: {n} files")


if __name__ == "__main__":
    main()
