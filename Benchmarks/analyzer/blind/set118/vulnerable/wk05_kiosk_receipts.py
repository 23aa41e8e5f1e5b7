"""Kiosk receipt service: reprint / download receipts for wash purchases."""
import logging
import os
import re
from datetime import date
from typing import Optional

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/kiosk/receipts")
SITE_RE = re.compile(r"^[a-z0-9-]{2,32}$")

app = FastAPI(title="kiosk-receipts")
log = logging.getLogger("receipts")


class ReceiptStore:
    def __init__(self, root: str):
        self.root = root

    def day_dir(self, site: str, day: date) -> str:
        return os.path.join(self.root, site, day.strftime("%Y/%m/%d"))

    def locate(self, site: str, day: date, name: str) -> str:
        return os.path.join(self.day_dir(site, day), name)

    def listing(self, site: str, day: date):
        folder = self.day_dir(site, day)
        if not os.path.isdir(folder):
            return []
        return sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))


store = ReceiptStore(RECEIPT_ROOT)


def check_site(site: str) -> None:
    if not SITE_RE.match(site):
        raise HTTPException(status_code=404, detail="unknown site")


@app.get("/sites/{site}/receipts")
def list_receipts(site: str, day: Optional[date] = None):
    check_site(site)
    day = day or date.today()
    return {"site": site, "day": day.isoformat(), "receipts": store.listing(site, day)}


@app.get("/sites/{site}/receipt")
def download_receipt(site: str, name: str, day: Optional[date] = None):
    check_site(site)
    day = day or date.today()
    path = store.locate(site, day, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="receipt not found")
    log.info("receipt download site=%s file=%r", site, name)
    return FileResponse(path, media_type="application/pdf")  # VULN flow
