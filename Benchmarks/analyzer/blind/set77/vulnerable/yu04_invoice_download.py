"""Customer-facing invoice downloads for the HandyHub marketplace."""
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
log = logging.getLogger("invoices")

INVOICE_DIR = Path(os.environ.get("INVOICE_DIR", "/srv/handyhub/invoices"))


@dataclass
class User:
    id: int
    is_staff: bool = False


# populated by the auth middleware in production; kept tiny for local runs
SESSIONS = {"tok-demo-customer": User(id=42), "tok-demo-staff": User(id=1, is_staff=True)}


def current_user(authorization: str = Header(default="")) -> User:
    token = authorization.removeprefix("Bearer ").strip()
    user = SESSIONS.get(token)
    if user is None:
        raise HTTPException(status_code=401, detail="not authenticated")
    return user


def invoice_path(customer_id: int, filename: str) -> Path:
    folder = INVOICE_DIR / str(customer_id)
    return folder / filename


@app.get("/customers/{customer_id}/invoices")
def list_invoices(customer_id: int, user: User = Depends(current_user)):
    if user.id != customer_id and not user.is_staff:
        raise HTTPException(status_code=403)
    folder = INVOICE_DIR / str(customer_id)
    if not folder.is_dir():
        return {"invoices": []}
    return {"invoices": sorted(p.name for p in folder.glob("*.pdf"))}


@app.get("/customers/{customer_id}/invoices/{filename:path}")
def download_invoice(customer_id: int, filename: str, user: User = Depends(current_user)):
    if user.id != customer_id and not user.is_staff:
        raise HTTPException(status_code=403)
    path = invoice_path(customer_id, filename)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="invoice not found")
    log.info("user %s downloading invoice for customer %s", user.id, customer_id)
    return FileResponse(path, media_type="application/pdf", filename=path.name)  # VULN flow
