"""Library loans service: renewals and downloadable loan receipts."""
import logging
import os
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse
from pydantic import BaseModel

from .db import LoanRepository, get_repository

log = logging.getLogger("library.loans")
app = FastAPI(title="Branch loans")

RECEIPT_ROOT = Path(os.environ.get("RECEIPT_ROOT", "/srv/library/receipts")).resolve()
MAX_RENEWALS = 3
LOAN_PERIOD = timedelta(days=21)


class LoanOut(BaseModel):
    id: int
    barcode: str
    title: str
    due: date
    renewals: int


def local_redirect_target(target, default="/account"):
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ch.isspace() or not ch.isprintable() for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


@app.get("/loans/{loan_id}", response_model=LoanOut)
def get_loan(loan_id: int, repo: LoanRepository = Depends(get_repository)):
    loan = repo.get(loan_id)
    if loan is None:
        raise HTTPException(status_code=404, detail="no such loan")
    return loan


@app.post("/loans/{loan_id}/renew")
def renew_loan(loan_id: int, request: Request, repo: LoanRepository = Depends(get_repository)):
    loan = repo.get(loan_id)
    if loan is None:
        raise HTTPException(status_code=404, detail="no such loan")
    if loan.renewals >= MAX_RENEWALS:
        raise HTTPException(status_code=409, detail="renewal limit reached")
    if repo.has_holds(loan.barcode):
        raise HTTPException(status_code=409, detail="item is reserved by another patron")
    repo.update_due(loan_id, max(loan.due, date.today()) + LOAN_PERIOD, loan.renewals + 1)
    log.info("renewed loan %s", loan_id)
    return RedirectResponse(local_redirect_target(request.query_params.get("next")), status_code=303)


@app.get("/receipts")
def download_receipt(name: str):
    path = (RECEIPT_ROOT / name).resolve()
    if not path.is_relative_to(RECEIPT_ROOT):
        raise HTTPException(status_code=403, detail="forbidden")
    if not path.is_file():
        raise HTTPException(status_code=404, detail="receipt not found")
    return FileResponse(path, media_type="application/pdf")
