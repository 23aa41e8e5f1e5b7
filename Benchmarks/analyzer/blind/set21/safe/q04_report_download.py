"""aiohttp service that lets tenants download generated usage reports."""
import logging
import os

from aiohttp import web

REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/reports")
log = logging.getLogger("reports")


class ReportLocator:
    def __init__(self, root):
        self.root = root

    def tenant_dir(self, tenant_id):
        return os.path.join(self.root, "tenants", str(tenant_id))

    def locate(self, tenant_id, file_name):
        base = os.path.realpath(self.tenant_dir(tenant_id))
        candidate = os.path.realpath(os.path.join(base, file_name))
        if os.path.commonpath([base, candidate]) != base or candidate == base:
            return None
        return candidate


async def current_tenant(request):
    token = request.headers.get("X-Api-Token", "")
    tenant = await request.app["auth"].tenant_for_token(token)
    if tenant is None:
        raise web.HTTPUnauthorized()
    return tenant


async def list_reports(request):
    tenant = await current_tenant(request)
    folder = request.app["locator"].tenant_dir(tenant.id)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".csv"))
    return web.json_response({"reports": names})


async def download_report(request):
    tenant = await current_tenant(request)
    file_name = request.query.get("file", "")
    if not file_name:
        raise web.HTTPBadRequest(text="file parameter required")
    path = request.app["locator"].locate(tenant.id, file_name)
    if path is None or not os.path.isfile(path):
        raise web.HTTPNotFound()
    log.info("tenant %r downloading %r", tenant.id, file_name)
    return web.FileResponse(path, headers={"Content-Disposition": "attachment"})


def build_app(auth_backend):
    app = web.Application()
    app["auth"] = auth_backend
    app["locator"] = ReportLocator(REPORT_ROOT)
    app.router.add_get("/reports", list_reports)
    app.router.add_get("/reports/download", download_report)
    return app
