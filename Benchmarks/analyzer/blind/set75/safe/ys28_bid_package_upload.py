"""Bid package upload: subcontractors submit a zip of their tender
documents (pricing schedule, method statements, insurance certificates)."""
import io
import logging
import os
import shutil
import zipfile
from typing import List

from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("tenders.upload")
PACKAGE_ROOT = os.environ.get("BID_PACKAGE_ROOT", "/srv/tenders/packages")
MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_ENTRIES = 2000

app = FastAPI(title="bid-packages")


def extract_package(fileobj, dest: str) -> List[str]:
    written = []
    root = os.path.realpath(dest)
    with zipfile.ZipFile(fileobj) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ValueError("too many entries in package")
        if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
            raise ValueError("package too large")
        for info in infos:
            if info.is_dir():
                continue
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"entry outside package folder: {info.filename!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            written.append(info.filename)
    return written


@app.post("/tenders/{tender_id}/bids/{bidder_id}/package")
async def upload_package(tender_id: int, bidder_id: int, file: UploadFile = File(...)):
    if not file.filename.lower().endswith(".zip"):
        raise HTTPException(status_code=415, detail="package must be a .zip")
    data = await file.read()
    dest = os.path.join(PACKAGE_ROOT, str(tender_id), str(bidder_id))
    os.makedirs(dest, exist_ok=True)
    try:
        files = extract_package(io.BytesIO(data), dest)
    except (zipfile.BadZipFile, ValueError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    log.info("tender %d bidder %d: %d documents received", tender_id, bidder_id, len(files))
    return {"tender": tender_id, "bidder": bidder_id, "documents": files}


@app.get("/tenders/{tender_id}/bids/{bidder_id}/package")
def list_package(tender_id: int, bidder_id: int):
    dest = os.path.join(PACKAGE_ROOT, str(tender_id), str(bidder_id))
    if not os.path.isdir(dest):
        raise HTTPException(status_code=404, detail="no package submitted")
    docs = []
    for root, _dirs, names in os.walk(dest):
        for name in names:
            docs.append(os.path.relpath(os.path.join(root, name), dest))
    return {"documents": sorted(docs)}
