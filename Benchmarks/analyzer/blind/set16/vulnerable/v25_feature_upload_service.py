"""Feature upload service for the churn-model training pipeline."""
import io
import logging
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI()
log = logging.getLogger("feature-store")
STORE = Path(os.environ.get("FEATURE_STORE", "/srv/features"))
NAME_RE = re.compile(r"[a-z][a-z0-9_]{2,40}")
MAX_UPLOAD = 200 * 1024 * 1024
REQUIRED = {"customer_id", "label"}


def dataset_dir(name):
    if not NAME_RE.fullmatch(name):
        raise HTTPException(status_code=400, detail="invalid dataset name")
    return STORE / name


async def read_upload(upload):
    raw = await upload.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="upload too large")
    return io.BytesIO(raw)


@app.post("/datasets/{name}/embeddings")
async def upload_embeddings(name: str, file: UploadFile = File(...)):
    target = dataset_dir(name)
    buf = await read_upload(file)
    try:
        matrix = np.load(buf, allow_pickle=True)  # VULN flow
    except (ValueError, OSError):
        raise HTTPException(status_code=422, detail="not a .npy array")
    if getattr(matrix, "ndim", None) != 2:
        raise HTTPException(status_code=422, detail="expected a 2-D array")
    target.mkdir(parents=True, exist_ok=True)
    np.save(target / "embeddings.npy", matrix.astype(np.float32))
    return {"rows": int(matrix.shape[0]), "dims": int(matrix.shape[1])}


@app.post("/datasets/{name}/frame")
async def upload_frame(name: str, file: UploadFile = File(...)):
    target = dataset_dir(name)
    buf = await read_upload(file)
    frame = pd.read_pickle(buf)  # VULN flow
    missing = REQUIRED - set(frame.columns)
    if missing:
        raise HTTPException(status_code=422, detail=f"missing columns: {sorted(missing)}")
    target.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(target / "frame.parquet", index=False)
    log.info("stored frame for %r: %d rows", name, len(frame))
    return {"rows": len(frame), "columns": [str(c) for c in frame.columns]}


@app.get("/datasets/{name}")
def describe(name: str):
    target = dataset_dir(name)
    if not target.is_dir():
        raise HTTPException(status_code=404, detail="unknown dataset")
    info = {"name": name}
    if (target / "embeddings.npy").exists():
        arr = np.load(target / "embeddings.npy", mmap_mode="r", allow_pickle=False)
        info["embeddings"] = list(arr.shape)
    if (target / "frame.parquet").exists():
        info["frame_rows"] = len(pd.read_parquet(target / "frame.parquet", columns=["label"]))
    return info
