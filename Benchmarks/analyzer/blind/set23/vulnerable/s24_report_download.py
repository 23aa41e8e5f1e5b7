"""Report download endpoints for the analytics portal (Starlette).

The API gateway authenticates the caller and injects the tenant id header.
"""
import logging
import os
import re

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

log = logging.getLogger("analytics.reports")
REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/analytics/reports")
TENANT_RE = re.compile(r"[a-z0-9-]{3,40}")
EXPORT_SUFFIXES = (".csv", ".xlsx", ".pdf")


class ReportLocator:
    def __init__(self, root: str):
        self.root = root

    def tenant_dir(self, tenant: str) -> str:
        return os.path.join(self.root, tenant, "exports")

    def list(self, tenant: str) -> list:
        folder = self.tenant_dir(tenant)
        if not os.path.isdir(folder):
            return []
        return sorted(n for n in os.listdir(folder) if n.endswith(EXPORT_SUFFIXES))

    def locate(self, tenant: str, name: str) -> str:
        return os.path.join(self.tenant_dir(tenant), name)


locator = ReportLocator(REPORT_ROOT)


def tenant_from_request(request) -> str:
    tenant = request.headers.get("x-tenant-id", "")
    if not TENANT_RE.fullmatch(tenant):
        raise HTTPException(status_code=401, detail="missing tenant")
    return tenant


async def list_reports(request):
    tenant = tenant_from_request(request)
    return JSONResponse({"reports": locator.list(tenant)})


async def download_report(request):
    tenant = tenant_from_request(request)
    name = request.query_params.get("name", "")
    path = locator.locate(tenant, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="report not found")
    log.info("tenant %r downloading %r", tenant, name)
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow


app = Starlette(
    routes=[
        Route("/reports", list_reports),
        Route("/reports/download", download_report),
    ]
)
