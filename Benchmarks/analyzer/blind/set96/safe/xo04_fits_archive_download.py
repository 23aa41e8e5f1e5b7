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
        self.root = os.path.realpath(root)

    def night_dir(self, night: str) -> str:
        return os.path.join(self.root, night[:4], night)

    def resolve(self, night: str, filename: str) -> str:
        if not night.isdigit() or len(night) != 8:
            raise ValueError("night must be YYYYMMDD")
        base = os.path.realpath(self.night_dir(night))
        path = os.path.realpath(os.path.join(base, filename))
        if os.path.commonpath([base, path]) != base:
            raise ValueError("path outside archive")
        return path


layout = ArchiveLayout(ARCHIVE_ROOT)


@app.get("/archive/{night}/download")
def download(night: str, file: str = Query(..., min_length=1)):
    try:
        path = layout.resolve(night, file)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid frame path")
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such frame")
    log.info("serving %r", path)
    return FileResponse(path, media_type="application/fits", filename=os.path.basename(path))


@app.get("/archive/{night}/header")
def header(night: str, file: str = Query(..., min_length=1)):
    try:
        path = layout.resolve(night, file)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid frame path")
    try:
        with open(path, "rb") as fh:
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
