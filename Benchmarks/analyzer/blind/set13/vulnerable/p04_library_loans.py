"""Library loans service: renewals and downloadable loan receipts."""
import logging
import os
from datetime import date, timedelta

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse
from pydantic import BaseModel

from .db import LoanRepository, get_repository

log = logging.getLogger("library.loans")
app = FastAPI(title="Branch loans")

RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/library/receipts")
MAX_RENEWALS = 3
LOAN_PERIOD = timedelta(days=21)


class LoanOut(BaseModel):
    id: int
    barcode: str
    title: str
    due: date
    renewals: int


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
    return RedirectResponse(request.query_params.get("next", "/account"), status_code=303)  # VULN


@app.get("/receipts")
def download_receipt(name: str):
    path = os.path.join(RECEIPT_ROOT, name)
    if not path.startswith(RECEIPT_ROOT):
        raise HTTPException(status_code=403, detail="forbidden")
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="receipt not found")
    return FileResponse(path, media_type="application/pdf")  # VULN flow
