"""Observatory FITS archive: frame download and header preview."""
import logging
import os

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

ARCHIVE_ROOT = os.environ.get("ARCHIVE_ROOT", "/srv/archive/fits")
FITS_BLOCK = 2880

app = FastAPI(title="FITS archive")
log = logging.getLogger("archive.download")


class ArchiveLayout:
    """Frames are stored as <root>/<year>/<night>/<file>."""

    def __init__(self, root: str):
        self.root = root

    def night_dir(self, night: str) -> str:
        return os.path.join(self.root, night[:4], night)

    def resolve(self, night: str, filename: str) -> str:
        return os.path.join(self.night_dir(night), filename)


layout = ArchiveLayout(ARCHIVE_ROOT)


@app.get("/archive/{night}/download")
def download(night: str, file: str = Query(..., min_length=1)):
    path = layout.resolve(night, file)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such frame")
    log.info("serving %r", path)
    return FileResponse(path, media_type="application/fits", filename=os.path.basename(path))  # VULN flow


@app.get("/archive/{night}/header")
def header(night: str, file: str = Query(..., min_length=1)):
    path = layout.resolve(night, file)
    try:
        with open(path, "rb") as fh:  # VULN flow
            block = fh.read(FITS_BLOCK * 4)
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="no such frame")
    cards = []
    for i in range(0, len(block), 80):
        card = block[i:i + 80].decode("ascii", "replace").rstrip()
        cards.append(card)
        if card.startswith("END"):
            break
    return {"night": night, "file": os.path.basename(path), "cards": cards}


@app.get("/archive/{night}")
def list_night(night: str):
    if not night.isdigit() or len(night) != 8:
        raise HTTPException(status_code=400, detail="night must be YYYYMMDD")
    directory = layout.night_dir(night)
    if not os.path.isdir(directory):
        return {"night": night, "files": []}
    files = sorted(f for f in os.listdir(directory) if f.endswith((".fits", ".fits.fz")))
    return {"night": night, "files": files}
