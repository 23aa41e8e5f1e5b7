"""Toll receipt PDF service.

Receipts are rendered nightly by the billing batch into
RECEIPT_ROOT/<account>/<yyyy-mm>/<receipt>.pdf
"""
import logging
import os
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse

RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/toll/receipts")
log = logging.getLogger("toll.receipts")
app = FastAPI(title="toll-receipts")


class AccountContext:
    def __init__(self, account_id: str, plate: str):
        self.account_id = account_id
        self.plate = plate


async def current_account(x_account_id: str = Header(...), x_plate: str = Header("")):
    if not x_account_id.isdigit():
        raise HTTPException(status_code=401, detail="bad account")
    return AccountContext(x_account_id, x_plate)


def receipt_dir(account: AccountContext, period: str) -> str:
    return os.path.join(RECEIPT_ROOT, account.account_id, period)


def resolve_receipt(account: AccountContext, period: str, name: str) -> str:
    folder = receipt_dir(account, period)
    return os.path.join(folder, name)


@app.get("/receipts/{period}")
async def list_receipts(period: str, account: AccountContext = Depends(current_account)):
    folder = receipt_dir(account, period)
    if not os.path.isdir(folder):
        return {"period": period, "receipts": []}
    files = sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))
    return {"period": period, "receipts": files}


@app.get("/receipts/{period}/download")
async def download_receipt(
    period: str,
    name: str = Query(..., min_length=1),
    inline: Optional[bool] = False,
    account: AccountContext = Depends(current_account),
):
    path = resolve_receipt(account, period, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="receipt not found")
    log.info("receipt download account=%s period=%r", account.account_id, period)
    disposition = "inline" if inline else "attachment"
    return FileResponse(  # VULN flow
        path,
        media_type="application/pdf",
        headers={"Content-Disposition": f'{disposition}; filename="{os.path.basename(path)}"'},
    )


@app.get("/healthz")
async def healthz():
    return {"ok": os.path.isdir(RECEIPT_ROOT)}
