"""Ingest pipeline for inspection bundles uploaded from the mobile app.

The app works offline in the apiary and uploads a .tar.gz per visit holding a
manifest.json plus the frame photos; this job unpacks the bundles, stores the
inspection rows and files the photos under the hive they belong to.
"""
import json
import logging
import os
import shutil
import sqlite3
import tarfile
from pathlib import Path

log = logging.getLogger("bundle_ingest")

UPLOAD_DIR = Path("/srv/apiary/uploads")
STAGING_DIR = Path("/srv/apiary/staging")
PHOTO_DIR = Path("/srv/apiary/photos")
DB_PATH = "/var/lib/apiary/inspections.db"


def extract_bundle(bundle_path: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle_path, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow
    return dest


def store_inspection(conn: sqlite3.Connection, manifest: dict) -> int:
    with conn:
        cur = conn.execute(
            "INSERT INTO inspections (hive_tag, visited_on, queen_seen, brood_frames, temper, notes) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (manifest["hive"], manifest["date"], int(bool(manifest.get("queen_seen"))),
             int(manifest.get("brood_frames", 0)), manifest.get("temper", ""), manifest.get("notes", "")),
        )
    return cur.lastrowid


def file_photos(staged: Path, manifest: dict) -> int:
    moved = 0
    for photo in manifest.get("photos", []):
        src = staged / photo["file"]
        target = PHOTO_DIR / manifest["hive"] / photo.get("name", src.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(src), str(target))  # VULN flow
        moved += 1
    return moved


def process(bundle: Path, conn: sqlite3.Connection) -> None:
    staged = extract_bundle(bundle, STAGING_DIR / bundle.stem)
    try:
        manifest = json.loads((staged / "manifest.json").read_text(encoding="utf-8"))
        inspection_id = store_inspection(conn, manifest)
        photos = file_photos(staged, manifest)
        log.info("bundle %r -> inspection %d with %d photos", bundle.name, inspection_id, photos)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(DB_PATH)
    for bundle in sorted(UPLOAD_DIR.glob("*.tar.gz")):
        try:
            process(bundle, conn)
        except (tarfile.TarError, KeyError, ValueError, OSError) as exc:
            log.error("failed to ingest %r: %r", bundle.name, exc)
            os.rename(bundle, str(bundle) + ".failed")
            continue
        bundle.unlink()


if __name__ == "__main__":
    main()
