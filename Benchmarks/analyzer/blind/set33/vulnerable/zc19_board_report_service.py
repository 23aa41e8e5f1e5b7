"""Board-pack report generator: renders quarterly KPI reports in the background."""
import hmac
import json
import os
import uuid
from datetime import date
from pathlib import Path
from typing import List

from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field

REPORT_DIR = Path(os.environ.get("REPORT_DIR", "/var/reports"))
METRICS_DIR = Path(os.environ.get("METRICS_DIR", "/var/metrics"))
API_KEY = os.environ["REPORTS_API_KEY"]

app = FastAPI(title="board-reports")
env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))


class ReportSpec(BaseModel):
    quarter: str = Field(..., pattern=r"^\d{4}-Q[1-4]$")
    title: str = Field(..., max_length=200)
    footer_note: str = Field("", max_length=500)
    kpis: List[str] = Field(default_factory=list, max_length=30)


def require_analyst(x_api_key: str = Header(...)) -> None:
    if not hmac.compare_digest(x_api_key.encode(), API_KEY.encode()):
        raise HTTPException(status_code=401, detail="invalid API key")


def load_metrics(quarter: str, kpis: List[str]) -> dict:
    with open(METRICS_DIR / f"{quarter}.json", encoding="utf-8") as fh:
        metrics = json.load(fh)
    return {k: v for k, v in metrics.items() if not kpis or k in kpis}


def render_report(job_id: str, spec: ReportSpec) -> None:
    metrics = load_metrics(spec.quarter, spec.kpis)
    header_template = env.from_string(spec.title)  # VULN flow
    header = header_template.render(quarter=spec.quarter, generated=date.today().isoformat())
    page = env.get_template("board_pack.html").render(header=header, metrics=metrics, footer=spec.footer_note)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / f"{job_id}.html").write_text(page, encoding="utf-8")


@app.post("/reports", status_code=202, dependencies=[Depends(require_analyst)])
async def create_report(spec: ReportSpec, background_tasks: BackgroundTasks):
    if not (METRICS_DIR / f"{spec.quarter}.json").exists():
        raise HTTPException(status_code=404, detail="no metrics for quarter")
    job_id = uuid.uuid4().hex
    background_tasks.add_task(render_report, job_id, spec)
    return {"job_id": job_id, "status_url": f"/reports/{job_id}"}


@app.get("/reports/{job_id}", dependencies=[Depends(require_analyst)])
async def fetch_report(job_id: uuid.UUID):
    path = REPORT_DIR / f"{job_id.hex}.html"
    if not path.exists():
        raise HTTPException(status_code=404, detail="report not ready")
    return FileResponse(path, media_type="text/html")
