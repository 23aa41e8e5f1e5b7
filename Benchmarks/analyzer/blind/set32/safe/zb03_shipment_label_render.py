"""Shipping label rendering service used by the warehouse packing stations."""
import logging
import re
import subprocess
import uuid
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

logger = logging.getLogger("labels")
app = FastAPI(title="label-renderer")

LABEL_DIR = Path("/srv/labels/out")
TEMPLATE_DIR = Path("/srv/labels/templates")
DEFAULT_TEMPLATE = TEMPLATE_DIR / "zpl_standard.zpl"
ALLOWED_CARRIERS = {"ups", "fedex", "dhl", "usps", "dpd"}
TRACKING_RE = re.compile(r"[A-Z0-9]{8,40}")


class LabelRequest(BaseModel):
    tracking_number: str = Field(..., max_length=64)
    carrier: str = Field(..., max_length=32)
    copies: int = Field(1, ge=1, le=10)


class LabelRenderer:
    binary = "/usr/local/bin/zpl2pdf"

    def __init__(self, template: Path = DEFAULT_TEMPLATE):
        self.template = template

    def command_for(self, req: LabelRequest, out: Path) -> list:
        if req.carrier not in ALLOWED_CARRIERS:
            raise ValueError("unsupported carrier")
        if not TRACKING_RE.fullmatch(req.tracking_number):
            raise ValueError("invalid tracking number")
        return [
            self.binary, "--template", str(self.template),
            "--carrier", req.carrier, "--barcode", req.tracking_number,
            "--copies", str(int(req.copies)), "-o", str(out),
        ]

    def render(self, req: LabelRequest) -> Path:
        out = LABEL_DIR / f"{uuid.uuid4().hex}.pdf"
        cmd = self.command_for(req, out)
        proc = subprocess.run(cmd, shell=False, capture_output=True, timeout=30)
        if proc.returncode != 0:
            logger.error("zpl2pdf failed rc=%d", proc.returncode)
            raise RuntimeError("label rendering failed")
        return out


renderer = LabelRenderer()


@app.post("/labels")
def create_label(req: LabelRequest):
    try:
        pdf_path = renderer.render(req)
    except ValueError:
        raise HTTPException(status_code=422, detail="invalid label request")
    except (RuntimeError, subprocess.TimeoutExpired):
        raise HTTPException(status_code=502, detail="label rendering failed")
    logger.info("label rendered carrier=%r tracking=%r", req.carrier, req.tracking_number)
    return FileResponse(pdf_path, media_type="application/pdf", filename="label.pdf")
