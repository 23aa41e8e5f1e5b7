"""Operator API for browsing and downloading tenant backup archives."""
import logging
import os
import re
from pathlib import Path
from typing import List

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

log = logging.getLogger("backup_api")
app = FastAPI(title="Backup catalog")

BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", "/srv/backups"))
TENANT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
OPERATOR_TOKENS = set(filter(None, os.environ.get("BACKUP_OPERATOR_TOKENS", "").split(",")))


def require_operator(x_operator_token: str = Header(...)) -> str:
    if x_operator_token not in OPERATOR_TOKENS:
        raise HTTPException(status_code=403, detail="forbidden")
    return x_operator_token


class BackupCatalog:
    def __init__(self, root: Path):
        self.root = root

    def tenant_dir(self, tenant: str) -> Path:
        return self.root / tenant

    def list_archives(self, tenant: str) -> List[str]:
        folder = self.tenant_dir(tenant)
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.suffix in {".gz", ".zst", ".tar"})

    def resolve(self, tenant: str, archive_name: str) -> str:
        return os.path.join(self.tenant_dir(tenant), archive_name)


catalog = BackupCatalog(BACKUP_ROOT)


@app.get("/backups/{tenant}")
def list_backups(tenant: str, _op: str = Depends(require_operator)):
    if not TENANT_RE.match(tenant):
        raise HTTPException(status_code=400, detail="bad tenant")
    return {"tenant": tenant, "archives": catalog.list_archives(tenant)}


@app.get("/backups/{tenant}/download")
def download_backup(tenant: str, name: str, _op: str = Depends(require_operator)):
    if not TENANT_RE.match(tenant):
        raise HTTPException(status_code=400, detail="bad tenant")
    path = catalog.resolve(tenant, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="archive not found")
    log.info("operator download tenant=%s archive=%r", tenant, name)
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow
