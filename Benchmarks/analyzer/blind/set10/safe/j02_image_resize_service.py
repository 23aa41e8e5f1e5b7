import io
import os
import re
import subprocess
import uuid

from fastapi import FastAPI, File, UploadFile, Query, HTTPException
from fastapi.responses import FileResponse
from PIL import Image

app = FastAPI(title="thumbs")
UPLOAD_DIR = "/srv/thumbs/uploads"
OUT_DIR = "/srv/thumbs/out"
MAX_BYTES = 10 * 1024 * 1024
ID_RE = re.compile(r"^[0-9a-f]{32}$")


@app.post("/images")
async def upload_image(file: UploadFile = File(...)):
    data = await file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="image too large")
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
    except Exception:
        raise HTTPException(status_code=415, detail="not an image")
    if fmt not in ("PNG", "JPEG"):
        raise HTTPException(status_code=415, detail="unsupported format")
    image_id = uuid.uuid4().hex
    with open(os.path.join(UPLOAD_DIR, image_id), "wb") as fh:
        fh.write(data)
    return {"id": image_id}


def resize(src, width, height, quality):
    base = os.path.join(OUT_DIR, uuid.uuid4().hex)
    with Image.open(src) as img:
        img.thumbnail((width, height))
        img.save(base + ".png", "PNG")
    proc = subprocess.run(
        ["cwebp", "-quiet", "-q", str(quality), base + ".png", "-o", base + ".webp"],
        capture_output=True,
        timeout=60,
    )
    os.remove(base + ".png")
    if proc.returncode != 0:
        raise HTTPException(status_code=422, detail="conversion failed")
    return base + ".webp"


@app.get("/images/{image_id}/resized")
def get_resized(
    image_id: str,
    width: int = Query(256, ge=16, le=2048),
    height: int = Query(256, ge=16, le=2048),
    quality: int = Query(80, ge=1, le=100),
):
    if not ID_RE.fullmatch(image_id):
        raise HTTPException(status_code=404, detail="not found")
    src = os.path.join(UPLOAD_DIR, image_id)
    if not os.path.isfile(src):
        raise HTTPException(status_code=404, detail="not found")
    return FileResponse(resize(src, width, height, quality), media_type="image/webp")
