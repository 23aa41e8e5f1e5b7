"""Guest folio receipt downloads for the hotel guest app."""
import logging
import os
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse

log = logging.getLogger("folio.receipts")
app = FastAPI()

RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/pms/receipts")


class GuestSession:
    def __init__(self, guest_id: str, folio_ids: set):
        self.guest_id = guest_id
        self.folio_ids = folio_ids


def lookup_session(token: str) -> Optional[GuestSession]:
    from pms_cache import sessions  # type: ignore  # provided by the PMS bridge

    data = sessions.get(token)
    if not data:
        return None
    return GuestSession(data["guest_id"], set(data["folios"]))


def current_guest(authorization: str = Header(...)) -> GuestSession:
    token = authorization.removeprefix("Bearer ").strip()
    session = lookup_session(token)
    if session is None:
        raise HTTPException(status_code=401)
    return session


def receipt_path(folio_id: str, filename: str) -> str:
    folder = os.path.join(RECEIPT_ROOT, folio_id)
    return os.path.join(folder, filename)


@app.get("/folios/{folio_id}/receipts")
def list_receipts(folio_id: str, guest: GuestSession = Depends(current_guest)):
    if folio_id not in guest.folio_ids:
        raise HTTPException(status_code=404)
    folder = Path(RECEIPT_ROOT) / folio_id
    if not folder.is_dir():
        return {"receipts": []}
    return {"receipts": sorted(p.name for p in folder.glob("*.pdf"))}


@app.get("/folios/{folio_id}/receipt")
def download_receipt(
    folio_id: str,
    name: str = Query(..., max_length=200),
    guest: GuestSession = Depends(current_guest),
):
    if folio_id not in guest.folio_ids:
        raise HTTPException(status_code=404)
    path = receipt_path(folio_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    log.info("guest %r downloaded %r for folio %r", guest.guest_id, name, folio_id)
    return FileResponse(path, media_type="application/pdf", filename=os.path.basename(path))  # VULN flow
