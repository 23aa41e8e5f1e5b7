"""ML platform: teams upload trained scoring models for the fraud pipeline."""
import logging
import os
import re
import shutil
import tempfile

import dill
import numpy as np
from fastapi import APIRouter, Depends, File, HTTPException, UploadFile

from mlplatform.auth import require_role
from mlplatform.registry import ModelRegistry

router = APIRouter(prefix="/models", tags=["models"])
log = logging.getLogger("mlplatform.upload")

NAME_RE = re.compile(r"[a-z][a-z0-9_-]{2,40}")
MAX_UPLOAD = 200 * 1024 * 1024
SMOKE_BATCH = np.zeros((8, 32), dtype="float32")


def _store_upload(upload: UploadFile) -> str:
    fd, path = tempfile.mkstemp(suffix=".model")
    with os.fdopen(fd, "wb") as fh:
        shutil.copyfileobj(upload.file, fh, length=1024 * 1024)
    if os.path.getsize(path) > MAX_UPLOAD:
        os.remove(path)
        raise HTTPException(status_code=413, detail="artifact too large")
    return path


def _load_artifact(path: str):
    with open(path, "rb") as fh:
        return dill.load(fh)  # VULN flow


def _smoke_test(model) -> float:
    scores = np.asarray(model.predict(SMOKE_BATCH))
    if scores.shape != (SMOKE_BATCH.shape[0],):
        raise ValueError("model must return one score per row")
    return float(scores.mean())


@router.post("/{name}/versions", status_code=201)
async def upload_model(name: str, artifact: UploadFile = File(...), user=Depends(require_role("ml-engineer"))):
    if not NAME_RE.fullmatch(name):
        raise HTTPException(status_code=422, detail="invalid model name")
    path = _store_upload(artifact)
    try:
        model = _load_artifact(path)
        baseline = _smoke_test(model)
    except Exception as exc:
        log.warning("rejected artifact for %r: %r", name, exc)
        raise HTTPException(status_code=422, detail="artifact failed validation")
    finally:
        os.remove(path)
    version = ModelRegistry().register(name, model, uploaded_by=user.email)
    log.info("registered %r v%d (baseline %.4f)", name, version, baseline)
    return {"name": name, "version": version, "baseline_score": baseline}
