"""Report export service: renders stored HTML reports to PDF on demand."""
import logging
import os
import subprocess
from dataclasses import dataclass
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from pydantic import BaseModel

logger = logging.getLogger("report_export")

app = FastAPI(title="report-export")


@dataclass
class ExportSettings:
    html_dir: str = os.environ.get("REPORT_HTML_DIR", "/srv/reports/html")
    export_dir: str = os.environ.get("REPORT_EXPORT_DIR", "/srv/reports/pdf")
    renderer: str = "wkhtmltopdf"
    page_size: str = "A4"


settings = ExportSettings()


class ExportRequest(BaseModel):
    title: str
    orientation: str = "Portrait"
    footer: Optional[str] = None


def _paths(report_id: int):
    src = os.path.join(settings.html_dir, f"{report_id}.html")
    dest = os.path.join(settings.export_dir, f"{report_id}.pdf")
    return src, dest


def _build_render_command(report_id: int, req: ExportRequest) -> str:
    src, dest = _paths(report_id)
    parts = [
        settings.renderer,
        "--page-size", settings.page_size,
        "--orientation", req.orientation,
        "--title", f'"{req.title}"',
    ]
    if req.footer:
        parts += ["--footer-center", f'"{req.footer}"']
    parts += [src, dest]
    return " ".join(parts)


@app.post("/reports/{report_id}/export")
def export_report(report_id: int, req: ExportRequest):
    src, _ = _paths(report_id)
    if not os.path.exists(src):
        raise HTTPException(status_code=404, detail="report not found")
    cmd = _build_render_command(report_id, req)
    logger.info("rendering report %d", report_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        logger.error("renderer failed for %d: %r", report_id, proc.stderr[:500])
        raise HTTPException(status_code=500, detail="render failed")
    return {"report_id": report_id, "file": f"{report_id}.pdf"}


@app.get("/reports/download")
def download(name: str = Query(..., min_length=1)):
    path = os.path.join(settings.export_dir, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such export")
    return FileResponse(path, media_type="application/pdf", filename=os.path.basename(path))  # VULN flow


@app.get("/healthz")
def healthz():
    return {"ok": True, "renderer": settings.renderer}
