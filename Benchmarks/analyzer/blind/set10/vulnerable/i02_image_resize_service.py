import os
import subprocess
import uuid

from fastapi import FastAPI, File, UploadFile, Query, HTTPException
from fastapi.responses import FileResponse

app = FastAPI(title="thumbs")
UPLOAD_DIR = "/srv/thumbs/uploads"
OUT_DIR = "/srv/thumbs/out"


@app.post("/images")
async def upload_image(file: UploadFile = File(...)):
    dest = os.path.join(UPLOAD_DIR, file.filename)
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(await file.read())
    return {"name": file.filename}


def resize(src, size, fmt):
    out_path = os.path.join(OUT_DIR, f"{uuid.uuid4().hex}.{fmt}")
    cmd = f"convert {src} -resize {size} {out_path}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, timeout=60)  # VULN flow
    if proc.returncode != 0:
        raise HTTPException(status_code=422, detail="conversion failed")
    return out_path


@app.get("/images/{name}/resized")
def get_resized(name: str, size: str = Query("256x256"), fmt: str = Query("png")):
    if fmt not in ("png", "jpg", "webp"):
        raise HTTPException(status_code=400, detail="unsupported format")
    src = os.path.join(UPLOAD_DIR, os.path.basename(name))
    if not os.path.isfile(src):
        raise HTTPException(status_code=404, detail="not found")
    return FileResponse(resize(src, size, fmt), media_type=f"image/{fmt}")


@app.get("/healthz")
def healthz():
    return {"ok": True}
