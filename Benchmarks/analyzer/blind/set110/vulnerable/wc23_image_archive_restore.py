#!/usr/bin/env python3
"""Import imaging records sent by another practice when a patient transfers.

The referring office uploads a .tar.gz (radiographs, intraoral photos,
retinal captures) through the secure transfer portal; the portal drops it in
the inbox and this importer unpacks it into the patient's imaging folder.
"""
import argparse
import json
import logging
import shutil
import tarfile
from pathlib import Path

log = logging.getLogger("transfer_import")

IMAGE_SUFFIXES = {".dcm", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def patient_folder(root: Path, patient_id: int) -> Path:
    folder = root / f"{patient_id:08d}" / "transferred"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def image_members(tar: tarfile.TarFile) -> list:
    selected = []
    for member in tar.getmembers():
        if member.isfile() and Path(member.name).suffix.lower() in IMAGE_SUFFIXES:
            selected.append(member)
    return selected


def extract_transfer(archive_path: Path, dest: Path) -> list:
    with tarfile.open(archive_path, "r:*") as tar:
        members = image_members(tar)
        tar.extractall(dest, members=members)  # VULN flow
    return [m.name for m in members]


def write_manifest(dest: Path, archive_name: str, files: list) -> None:
    manifest = {"source_archive": archive_name, "files": sorted(files)}
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", type=Path, default=Path("/srv/transfers/inbox"))
    parser.add_argument("--imaging-root", type=Path, default=Path("/srv/imaging/patients"))
    parser.add_argument("--done", type=Path, default=Path("/srv/transfers/processed"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    for archive in sorted(args.inbox.glob("*.tar.gz")):
        # portal names uploads <patient_id>__<uuid>.tar.gz
        try:
            patient_id = int(archive.name.split("__", 1)[0])
        except ValueError:
            log.warning("skipping unexpected file %r", archive.name)
            continue
        dest = patient_folder(args.imaging_root, patient_id)
        try:
            files = extract_transfer(archive, dest)
        except tarfile.TarError:
            log.exception("corrupt archive %s", archive.name)
            continue
        write_manifest(dest, archive.name, files)
        args.done.mkdir(parents=True, exist_ok=True)
        shutil.move(str(archive), args.done / archive.name)
        log.info("imported %d images for patient %d", len(files), patient_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
