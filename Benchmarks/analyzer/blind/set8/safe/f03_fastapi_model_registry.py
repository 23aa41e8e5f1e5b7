"""Scoring service: linear models whose weights are uploaded as .npz files."""
import io
import logging
import os
import secrets
from datetime import datetime, timezone

import numpy as np
from fastapi import Depends, FastAPI, File, Header, HTTPException, Path, Query, UploadFile
from pydantic import BaseModel, Field

app = FastAPI(title="scoring-service")
log = logging.getLogger("scoring")

ADMIN_TOKEN = os.environ["SCORING_ADMIN_TOKEN"]
MAX_ARTIFACT_BYTES = 8 * 1024 * 1024
MODELS: dict[str, tuple[np.ndarray, float]] = {}


def require_admin(x_admin_token: str = Header(...)) -> None:
    if not secrets.compare_digest(x_admin_token.encode(), ADMIN_TOKEN.encode()):
        raise HTTPException(status_code=403, detail="forbidden")


class ScoreRequest(BaseModel):
    model: str
    features: list[float] = Field(..., min_length=1, max_length=256)


class ScoreResponse(BaseModel):
    model: str
    score: float
    flagged: bool
    scored_at: datetime


@app.put("/models/{name}", dependencies=[Depends(require_admin)])
async def upload_weights(
    name: str = Path(..., pattern=r"^[a-z][a-z0-9_]{1,40}$"),
    artifact: UploadFile = File(...),
):
    raw = await artifact.read(MAX_ARTIFACT_BYTES + 1)
    if len(raw) > MAX_ARTIFACT_BYTES:
        raise HTTPException(status_code=413, detail="artifact too large")
    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
            weights = npz["weights"].astype(np.float64).ravel()
            bias = float(npz["bias"])
    except (ValueError, KeyError, OSError):
        raise HTTPException(status_code=422, detail="expected an .npz with weights and bias")
    MODELS[name] = (weights, bias)
    log.info("model %s loaded with %d weights", name, weights.size)
    return {"status": "loaded", "name": name}


@app.post("/score", response_model=ScoreResponse)
async def score(req: ScoreRequest, threshold: float = Query(0.5, ge=0.0, le=1.0)):
    entry = MODELS.get(req.model)
    if entry is None:
        raise HTTPException(status_code=404, detail="unknown model")
    weights, bias = entry
    if len(req.features) != weights.size:
        raise HTTPException(status_code=422, detail="feature count mismatch")
    z = float(np.dot(weights, np.asarray(req.features)) + bias)
    proba = 1.0 / (1.0 + np.exp(-z))
    return ScoreResponse(
        model=req.model,
        score=proba,
        flagged=proba >= threshold,
        scored_at=datetime.now(timezone.utc),
    )
