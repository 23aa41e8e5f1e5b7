"""Tenant backup restore service for the self-hosted wiki."""
import logging
import os
import shutil
import tarfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("wiki.backup")

DATA_ROOT = Path(os.environ.get("WIKI_DATA_ROOT", "/var/lib/wiki"))
INCOMING = DATA_ROOT / "incoming"


@dataclass
class RestoreRequest:
    tenant: str
    archive_name: str
    requested_by: str
    overwrite: bool = False


class RestoreError(RuntimeError):
    pass


@contextmanager
def staging_dir(tenant: str):
    path = DATA_ROOT / "staging" / tenant
    path.mkdir(parents=True, exist_ok=True)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


class BackupRestorer:
    def __init__(self, data_root: Path = DATA_ROOT):
        self.data_root = data_root

    def _archive_path(self, req: RestoreRequest) -> Path:
        path = INCOMING / req.archive_name
        if not path.is_file():
            raise RestoreError("archive not found")
        return path

    def _unpack(self, archive: Path, dest: Path) -> int:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            tar.extractall(dest)  # VULN flow
        return len(members)

    def _publish(self, staged: Path, tenant: str, overwrite: bool) -> Path:
        target = self.data_root / "tenants" / tenant
        if target.exists():
            if not overwrite:
                raise RestoreError("tenant data already exists")
            shutil.rmtree(target)
        shutil.copytree(staged, target)
        os.chmod(target, 0o777)  # VULN
        return target

    def restore(self, req: RestoreRequest) -> dict:
        archive = self._archive_path(req)
        logger.info("restore requested tenant=%r by=%r", req.tenant, req.requested_by)
        with staging_dir(req.tenant) as staged:
            count = self._unpack(archive, staged)
            target = self._publish(staged, req.tenant, req.overwrite)
        return {"tenant": req.tenant, "files": count, "path": str(target)}


def handle_restore(payload: dict, user) -> dict:
    req = RestoreRequest(
        tenant=user.tenant_slug,
        archive_name=os.path.basename(payload["archive"]),
        requested_by=user.username,
        overwrite=bool(payload.get("overwrite")),
    )
    try:
        return BackupRestorer().restore(req)
    except (RestoreError, tarfile.TarError) as exc:
        logger.warning("restore failed tenant=%r: %r", req.tenant, exc)
        return {"error": str(exc)}
