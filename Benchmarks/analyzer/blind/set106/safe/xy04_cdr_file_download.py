"""Read-only CDR archive browser for the revenue assurance team."""
import os
from datetime import date
from typing import List

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse

CDR_ROOT = os.environ.get("CDR_ARCHIVE_ROOT", "/data/mediation/archive")
API_KEYS = set(filter(None, os.environ.get("RA_API_KEYS", "").split(",")))

app = FastAPI(title="CDR archive")


def require_analyst(x_api_key: str = Header(...)):
    if x_api_key not in API_KEYS:
        raise HTTPException(status_code=401, detail="bad api key")
    return x_api_key


def batch_dir(day: date, switch: str) -> str:
    return os.path.join(CDR_ROOT, day.strftime("%Y/%m/%d"), switch)


def resolve_in(folder: str, name: str) -> str:
    base = os.path.realpath(folder)
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base:
        raise HTTPException(status_code=400, detail="invalid file name")
    return candidate


@app.get("/cdr/batches")
def list_batches(day: date, switch: str = Query("msc01", regex=r"^[a-z0-9]+$"),
                 _=Depends(require_analyst)) -> List[str]:
    folder = batch_dir(day, switch)
    if not os.path.isdir(folder):
        return []
    return sorted(f for f in os.listdir(folder) if f.endswith((".asn1", ".csv", ".gz")))


@app.get("/cdr/file")
def download_batch(day: date, name: str, switch: str = Query("msc01", regex=r"^[a-z0-9]+$"),
                   _=Depends(require_analyst)):
    full_path = resolve_in(batch_dir(day, switch), name)
    if not os.path.isfile(full_path):
        raise HTTPException(status_code=404, detail="no such batch file")
    return FileResponse(full_path, filename=os.path.basename(full_path))


@app.get("/cdr/file/head")
def preview_batch(day: date, name: str, lines: int = 20,
                  switch: str = Query("msc01", regex=r"^[a-z0-9]+$"),
                  _=Depends(require_analyst)):
    target = resolve_in(batch_dir(day, switch), name)
    out = []
    try:
        with open(target, "r", errors="replace") as fh:
            for _i, line in zip(range(min(lines, 200)), fh):
                out.append(line.rstrip("\n"))
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="no such batch file")
    return {"file": name, "lines": out}
