"""Supplier invoice inbox for the shop's bookkeeping (FastAPI).

Suppliers upload their PDF invoices; the bookkeeper downloads them from the
back office when reconciling stock deliveries.
"""
import logging
import os
import shutil
from pathlib import Path

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("invoices")
app = FastAPI(title="Supplier invoices")

INVOICE_ROOT = Path(os.environ.get("INVOICE_ROOT", "/srv/beeshop/invoices"))
SUPPLIER_TOKENS = {}  # populated at startup from the suppliers table


def current_supplier(x_supplier_token: str = Header(...)) -> str:
    supplier = SUPPLIER_TOKENS.get(x_supplier_token)
    if supplier is None:
        raise HTTPException(status_code=401, detail="unknown supplier token")
    return supplier


def invoice_path(supplier: str, filename: str) -> Path:
    return INVOICE_ROOT / supplier / filename


@app.post("/invoices", status_code=201)
async def upload_invoice(file: UploadFile = File(...), supplier: str = Depends(current_supplier)):
    if not (file.filename or "").lower().endswith(".pdf"):
        raise HTTPException(status_code=415, detail="only PDF invoices are accepted")
    dest = invoice_path(supplier, file.filename)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as fh:  # VULN flow
        shutil.copyfileobj(file.file, fh)
    log.info("invoice %r stored for supplier %r", file.filename, supplier)
    return {"supplier": supplier, "stored": dest.name}


@app.get("/invoices")
def list_invoices(supplier: str = Depends(current_supplier)):
    folder = INVOICE_ROOT / supplier
    if not folder.is_dir():
        return {"invoices": []}
    return {"invoices": sorted(p.name for p in folder.glob("*.pdf"))}


@app.get("/invoices/{name:path}")
def download_invoice(name: str, supplier: str = Depends(current_supplier)):
    path = invoice_path(supplier, name)
    if not path.is_file():
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="application/pdf", filename=path.name)  # VULN flow
