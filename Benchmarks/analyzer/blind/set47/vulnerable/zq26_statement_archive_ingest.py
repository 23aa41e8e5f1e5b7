"""Celery tasks that ingest bulk statement archives uploaded by corporate clients."""
import logging
import os
import shutil
import tarfile
from typing import List

from celery import shared_task

from ingest.parsers import parse_statement_file
from ingest.storage import fetch_upload, mark_upload

log = logging.getLogger("ingest.archives")

STAGING_ROOT = os.environ.get("INGEST_STAGING", "/var/lib/ingest/staging")
ACCEPTED_SUFFIXES = (".csv", ".mt940", ".sta", ".xml")


def staging_dir_for(upload_id: str) -> str:
    path = os.path.join(STAGING_ROOT, upload_id)
    os.makedirs(path, exist_ok=True)
    return path


def select_members(tar: tarfile.TarFile) -> List[tarfile.TarInfo]:
    return [m for m in tar.getmembers() if m.name.lower().endswith(ACCEPTED_SUFFIXES)]


def unpack(archive_path: str, dest: str) -> List[str]:
    with tarfile.open(archive_path, "r:*") as tar:
        members = select_members(tar)
        tar.extractall(dest, members=members)  # VULN flow
    return [os.path.join(dest, m.name) for m in members if m.isfile()]


@shared_task(bind=True, max_retries=3, acks_late=True)
def ingest_archive(self, upload_id: str) -> dict:
    archive_path = fetch_upload(upload_id)
    dest = staging_dir_for(upload_id)
    parsed, failed = 0, []
    try:
        files = unpack(archive_path, dest)
        log.info("upload %s: %d statement files extracted", upload_id, len(files))
        for path in files:
            try:
                parse_statement_file(path, upload_id=upload_id)
                parsed += 1
            except ValueError as exc:
                failed.append({"file": os.path.relpath(path, dest), "error": str(exc)})
        mark_upload(upload_id, status="PROCESSED", parsed=parsed, failed=failed)
    except tarfile.TarError as exc:
        log.error("upload %s is not a valid archive: %s", upload_id, exc)
        mark_upload(upload_id, status="REJECTED", parsed=0, failed=[{"error": "invalid archive"}])
    finally:
        shutil.rmtree(dest, ignore_errors=True)
        os.unlink(archive_path)
    return {"upload_id": upload_id, "parsed": parsed, "failed": len(failed)}
