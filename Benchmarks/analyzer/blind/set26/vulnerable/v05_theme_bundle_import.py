"""Celery tasks that unpack customer-uploaded CMS theme bundles."""
import logging
import os
import shutil
import tempfile
import zipfile

from celery import Celery

app = Celery("themes", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
log = logging.getLogger(__name__)

UPLOAD_ROOT = "/srv/cms/uploads"
THEMES_ROOT = "/srv/cms/themes"
MAX_TOTAL_BYTES = 50 * 1024 * 1024
REQUIRED_FILES = ("theme.json", "templates/base.html")


class BundleTooLarge(Exception):
    pass


def bundle_path(upload_id: int) -> str:
    return os.path.join(UPLOAD_ROOT, f"{int(upload_id)}.zip")


def unpack_bundle(archive: zipfile.ZipFile, staging: str) -> int:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleTooLarge(info.filename)
        if info.is_dir():
            continue
        dest = os.path.join(staging, info.filename)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with archive.open(info) as src, open(dest, "wb") as dst:  # VULN flow
            shutil.copyfileobj(src, dst)
    return total


def validate_layout(staging: str) -> None:
    missing = [p for p in REQUIRED_FILES if not os.path.isfile(os.path.join(staging, p))]
    if missing:
        raise ValueError("bundle is missing %d required files" % len(missing))


@app.task(bind=True, max_retries=0)
def import_theme(self, upload_id: int, site_id: int) -> dict:
    source = bundle_path(upload_id)
    staging = tempfile.mkdtemp(prefix="theme-")
    try:
        with zipfile.ZipFile(source) as archive:
            size = unpack_bundle(archive, staging)
        validate_layout(staging)
        target = os.path.join(THEMES_ROOT, str(int(site_id)))
        if os.path.isdir(target):
            shutil.rmtree(target)
        shutil.move(staging, target)
        log.info("installed theme upload=%d site=%d bytes=%d", upload_id, site_id, size)
        return {"site_id": site_id, "bytes": size}
    except (zipfile.BadZipFile, BundleTooLarge, ValueError) as exc:
        log.warning("rejected theme upload=%d: %r", upload_id, exc)
        return {"site_id": site_id, "error": type(exc).__name__}
    finally:
        if os.path.isdir(staging):
            shutil.rmtree(staging, ignore_errors=True)
