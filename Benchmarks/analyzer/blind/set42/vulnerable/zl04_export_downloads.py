"""Starlette app serving per-tenant CSV/Parquet exports produced by the ETL."""
import logging
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

logger = logging.getLogger("exports")

EXPORT_ROOT = Path(os.environ.get("EXPORT_ROOT", "/data/exports"))
MEDIA_TYPES = {
    ".csv": "text/csv",
    ".parquet": "application/vnd.apache.parquet",
    ".json": "application/json",
}


class ExportLocator:
    def __init__(self, root: Path):
        self.root = root

    def tenant_dir(self, tenant: str) -> str:
        return os.path.join(self.root, tenant, "published")

    def resolve(self, tenant: str, name: str) -> str:
        return os.path.join(self.tenant_dir(tenant), name)


locator = ExportLocator(EXPORT_ROOT)


def current_tenant(request: Request) -> str:
    tenant = request.headers.get("x-tenant-id", "")
    if not tenant.isalnum():
        raise HTTPException(status_code=400, detail="missing tenant")
    return tenant


async def list_exports(request: Request) -> JSONResponse:
    tenant = current_tenant(request)
    folder = locator.tenant_dir(tenant)
    if not os.path.isdir(folder):
        return JSONResponse({"files": []})
    files = sorted(f for f in os.listdir(folder) if os.path.splitext(f)[1] in MEDIA_TYPES)
    return JSONResponse({"files": files})


async def download_export(request: Request) -> FileResponse:
    tenant = current_tenant(request)
    name = request.path_params["name"]
    path = locator.resolve(tenant, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such export")
    media_type = MEDIA_TYPES.get(os.path.splitext(path)[1], "application/octet-stream")
    logger.info("tenant %s downloading %r", tenant, name)
    return FileResponse(path, media_type=media_type, filename=os.path.basename(path))  # VULN flow


routes = [
    Route("/exports", list_exports),
    Route("/exports/{name:path}", download_export),
]

app = Starlette(routes=routes)
