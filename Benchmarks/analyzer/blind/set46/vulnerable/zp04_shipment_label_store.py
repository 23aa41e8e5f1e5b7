"""Label storage service: carriers' PDF/ZPL labels are written here by the
booking pipeline and fetched by warehouse printers and the customer portal."""
import logging
import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

LABEL_ROOT = os.environ.get("LABEL_ROOT", "/srv/labels")
CARRIERS = {"dhl", "ups", "fedex", "dpd", "postnl"}
MEDIA_TYPES = {".pdf": "application/pdf", ".zpl": "text/plain", ".png": "image/png"}

app = FastAPI(title="label-store")
log = logging.getLogger("labels")


class LabelLocator:
    def __init__(self, root: str):
        self.root = root

    def path_for(self, carrier: str, name: str) -> str:
        if carrier not in CARRIERS:
            raise HTTPException(status_code=404, detail="unknown carrier")
        return os.path.join(self.root, carrier, name)


locator = LabelLocator(LABEL_ROOT)


@app.get("/labels/{carrier}")
def fetch_label(carrier: str, file: str = Query(..., min_length=3)):
    path = locator.path_for(carrier, file)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="label not found")
    media = MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")
    log.info("serving label %r for %s", file, carrier)
    return FileResponse(path, media_type=media)  # VULN flow


@app.delete("/labels/{carrier}")
def void_label(carrier: str, file: str = Query(..., min_length=3)):
    """Called when a shipment is cancelled and the label must not be reprinted."""
    path = locator.path_for(carrier, file)
    try:
        os.remove(path)  # VULN flow
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="label not found")
    log.info("voided label %r for %s", file, carrier)
    return {"voided": file}


@app.get("/labels/{carrier}/index")
def list_labels(carrier: str, prefix: str = ""):
    base = Path(locator.path_for(carrier, ""))
    items = sorted(p.name for p in base.iterdir() if p.name.startswith(prefix))
    return {"carrier": carrier, "labels": items[:500]}
