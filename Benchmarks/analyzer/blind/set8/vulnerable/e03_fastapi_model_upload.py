"""Scoring service: hot-swap classifier artifacts uploaded by the DS team."""
import logging
import pickle
from datetime import datetime, timezone
from typing import Any

from fastapi import FastAPI, File, HTTPException, Path, Query, UploadFile
from pydantic import BaseModel, Field

app = FastAPI(title="scoring-service")
log = logging.getLogger("scoring")

MODELS: dict[str, Any] = {}


class ScoreRequest(BaseModel):
    model: str
    features: list[float] = Field(..., min_length=1, max_length=256)


class ScoreResponse(BaseModel):
    model: str
    score: float
    flagged: bool
    scored_at: datetime


@app.post("/models/{name}")
async def upload_model(
    name: str = Path(..., pattern=r"^[a-z][a-z0-9_]{1,40}$"),
    artifact: UploadFile = File(...),
):
    model = pickle.loads(await artifact.read())  # VULN
    if not hasattr(model, "predict_proba"):
        raise HTTPException(status_code=422, detail="artifact is not a classifier")
    MODELS[name] = model
    log.info("model %s loaded (%s)", name, type(model).__name__)
    return {"status": "loaded", "name": name}


@app.get("/models")
async def list_models():
    return {"models": sorted(MODELS)}


@app.post("/score", response_model=ScoreResponse)
async def score(req: ScoreRequest, threshold: float = Query(0.5, ge=0.0, le=1.0)):
    model = MODELS.get(req.model)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    proba = float(model.predict_proba([req.features])[0][1])
    return ScoreResponse(
        model=req.model,
        score=proba,
        flagged=proba >= threshold,
        scored_at=datetime.now(timezone.utc),
    )
