#!/usr/bin/env python3
"""Nightly job: bundle radiographs attached to pending claims into a zip per
claim and stage them in the clearinghouse attachment outbox."""
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

log = logging.getLogger("claim_attachments")

PRACTICE_DB = os.environ.get("PRACTICE_DB", "/var/lib/practice/practice.db")
IMAGING_ROOT = Path(os.environ.get("IMAGING_ROOT", "/srv/imaging/xray"))
OUTBOX = Path(os.environ.get("ATTACH_OUTBOX", "/srv/clearinghouse/outbox"))


def pending_claims(conn: sqlite3.Connection):
    return conn.execute(
        "SELECT c.claim_no, a.image_relpath FROM claims c "
        "JOIN claim_attachments a ON a.claim_id = c.id "
        "WHERE c.status = 'ready' AND a.kind = 'radiograph' ORDER BY c.claim_no"
    ).fetchall()


def group_by_claim(rows) -> dict:
    grouped = {}
    for claim_no, relpath in rows:
        grouped.setdefault(claim_no, []).append(IMAGING_ROOT / relpath)
    return grouped


def bundle_attachments(claim_no: str, images: list) -> str:
    fd, zip_path = tempfile.mkstemp(prefix=f"claim_{claim_no}_", suffix=".zip")
    with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for img in images:
            if img.is_file():
                zf.write(img, arcname=img.name)
            else:
                log.warning("missing radiograph %s for claim %s", img, claim_no)
    return zip_path


def stage_for_upload(zip_path: str) -> Path:
    OUTBOX.mkdir(parents=True, exist_ok=True)
    dest = OUTBOX / os.path.basename(zip_path)
    shutil.move(zip_path, dest)
    # uploader daemon shares the clearinghouse group
    os.chmod(dest, 0o640)
    return dest


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with sqlite3.connect(PRACTICE_DB) as conn:
        grouped = group_by_claim(pending_claims(conn))
    staged = 0
    for claim_no, images in grouped.items():
        try:
            dest = stage_for_upload(bundle_attachments(claim_no, images))
        except OSError:
            log.exception("failed to stage attachments for claim %s", claim_no)
            continue
        log.info("staged %s (%d images)", dest.name, len(images))
        staged += 1
    log.info("staged %d claim bundles", staged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
