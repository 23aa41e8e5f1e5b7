"""Import of subcontractor service reports (XML) into the job system.

Partner cleaning crews upload their end-of-visit reports using the
ServiceReport v2 XML format; we extract the visit data and attach it to
the matching work order.
"""
from datetime import datetime
from typing import Optional

from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from lxml import etree
from pydantic import BaseModel

from jobs.db import WorkOrderRepo, get_repo
from jobs.auth import partner_from_token

app = FastAPI(title="partner-reports")

NS = {"sr": "urn:cleanco:service-report:2"}
MAX_UPLOAD = 2 * 1024 * 1024


class VisitSummary(BaseModel):
    work_order: str
    crew_lead: str
    started: datetime
    finished: datetime
    areas: list
    notes: Optional[str] = None


def _text(node, path: str) -> Optional[str]:
    found = node.find(path, namespaces=NS)
    return found.text.strip() if found is not None and found.text else None


def parse_report(raw: bytes) -> VisitSummary:
    parser = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)
    root = etree.fromstring(raw, parser)  # VULN flow
    areas = [a.get("name") for a in root.findall("sr:areas/sr:area", namespaces=NS)]
    return VisitSummary(
        work_order=_text(root, "sr:workOrder"),
        crew_lead=_text(root, "sr:crew/sr:lead"),
        started=datetime.fromisoformat(_text(root, "sr:started")),
        finished=datetime.fromisoformat(_text(root, "sr:finished")),
        areas=areas,
        notes=_text(root, "sr:notes"),
    )


@app.post("/partners/reports")
async def upload_report(
    report: UploadFile = File(...),
    partner=Depends(partner_from_token),
    repo: WorkOrderRepo = Depends(get_repo),
):
    raw = await report.read()
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="report too large")
    try:
        summary = parse_report(raw)
    except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=f"bad report: {exc}")

    order = repo.get(summary.work_order)
    if order is None or order.partner_id != partner.id:
        raise HTTPException(status_code=404, detail="unknown work order")
    repo.attach_visit(order.id, summary.dict())
    return {"work_order": summary.work_order, "areas": summary.areas, "notes": summary.notes}
