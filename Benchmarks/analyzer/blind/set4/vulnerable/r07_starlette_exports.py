import os

from starlette.applications import Starlette
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/srv/exports")


class ExportStore:
    def __init__(self, root):
        self.root = root

    def locate(self, tenant, filename):
        return os.path.join(self.root, tenant, filename)


store = ExportStore(EXPORT_ROOT)


async def download_export(request):
    tenant = request.path_params["tenant"]
    filename = request.query_params.get("file", "")
    path = store.locate(tenant, filename)
    if not os.path.isfile(path):
        return JSONResponse({"error": "not found"}, status_code=404)
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow


app = Starlette(routes=[Route("/exports/{tenant}", download_export)])
