import os

from fastapi import FastAPI, HTTPException, Path
from fastapi.responses import FileResponse

app = FastAPI()
REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/reports")


class ReportStore:
    def __init__(self, root):
        self.root = root

    def locate(self, tenant, filename):
        return os.path.join(self.root, tenant, filename)


store = ReportStore(REPORT_ROOT)


@app.get("/reports/{tenant}/{filename:path}")
async def download_report(tenant: str = Path(...), filename: str = Path(...)):
    location = store.locate(tenant, filename)
    if not os.path.isfile(location):
        raise HTTPException(status_code=404, detail="report not found")
    return FileResponse(location, filename=os.path.basename(location))  # VULN flow
