"""Upload and retrieval of specimen photographs (tissue blocks, slides, tubes)."""
import json
import os
import re
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

app = FastAPI(title="specimen-media")

MEDIA_ROOT = Path(os.environ.get("SPECIMEN_MEDIA", "/srv/biobank/media"))
SPECIMEN_RE = re.compile(r"^BB-\d{6}-[A-Z]{2}$")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def specimen_dir(specimen_id: str) -> Path:
    if not SPECIMEN_RE.match(specimen_id):
        raise HTTPException(status_code=404, detail="unknown specimen")
    folder = MEDIA_ROOT / specimen_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _append_index(folder: Path, entry: dict) -> None:
    index = folder / "index.json"
    items = json.loads(index.read_text()) if index.exists() else []
    items.append(entry)
    index.write_text(json.dumps(items, indent=2))


@app.post("/specimens/{specimen_id}/images", status_code=201)
async def upload_image(specimen_id: str, file: UploadFile = File(...)):
    folder = specimen_dir(specimen_id)
    filename = file.filename or ""
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail="unsupported image type")
    dest = os.path.join(folder, f"{uuid.uuid4().hex}{ext}")
    with open(dest, "wb") as out:
        shutil.copyfileobj(file.file, out)
    _append_index(folder, {
        "stored_as": os.path.basename(dest),
        "original_name": filename,
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    })
    return {"specimen": specimen_id, "stored_as": os.path.basename(dest)}


@app.get("/specimens/{specimen_id}/images")
def list_images(specimen_id: str):
    index = specimen_dir(specimen_id) / "index.json"
    return json.loads(index.read_text()) if index.exists() else []


@app.get("/specimens/{specimen_id}/images/{name}")
def get_image(specimen_id: str, name: str):
    folder = specimen_dir(specimen_id).resolve()
    path = (folder / name).resolve()
    if path.parent != folder or path.suffix.lower() not in ALLOWED_EXT or not path.is_file():
        raise HTTPException(status_code=404, detail="image not found")
    return FileResponse(path)

