"""Scanned-document attachments for patient charts (download / delete)."""
import logging
import os
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

DOCS_ROOT = Path(os.environ.get("CHART_DOCS_ROOT", "/srv/ehr/attachments"))

log = logging.getLogger("ehr.attachments")
app = FastAPI(title="chart-attachments")


class ChartStore:
    """Maps (MRN, filename) pairs onto the attachment volume."""

    def __init__(self, root: Path):
        self.root = root

    def patient_dir(self, mrn: str) -> Path:
        if not mrn.isdigit() or len(mrn) > 12:
            raise HTTPException(status_code=400, detail="invalid MRN")
        return self.root / mrn

    def resolve(self, mrn: str, filename: str) -> Path:
        return self.patient_dir(mrn) / filename

    def listing(self, mrn: str) -> list:
        folder = self.patient_dir(mrn)
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_file())


store = ChartStore(DOCS_ROOT)


def current_clinician(x_clinician_id: str = Header(default="")) -> str:
    if not x_clinician_id:
        raise HTTPException(status_code=401, detail="missing clinician id")
    return x_clinician_id


@app.get("/patients/{mrn}/attachments")
def list_attachments(mrn: str, clinician: str = Depends(current_clinician)):
    return {"mrn": mrn, "files": store.listing(mrn)}


@app.get("/patients/{mrn}/attachments/{filename:path}")
def download_attachment(mrn: str, filename: str,
                        clinician: str = Depends(current_clinician)):
    target = store.resolve(mrn, filename)
    if not target.is_file():
        raise HTTPException(status_code=404, detail="attachment not found")
    log.info("clinician=%r downloaded attachment for mrn=%s", clinician, mrn)
    return FileResponse(target, filename=target.name)  # VULN flow


@app.delete("/patients/{mrn}/attachments/{filename:path}")
def delete_attachment(mrn: str, filename: str,
                      clinician: str = Depends(current_clinician)):
    target = store.resolve(mrn, filename)
    try:
        os.remove(target)  # VULN flow
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="attachment not found")
    log.info("clinician=%r removed attachment for mrn=%s", clinician, mrn)
    return {"deleted": True}
