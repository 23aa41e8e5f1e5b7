import hashlib
import json
from typing import Dict, List

import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="scoring-service")
MODELS: Dict[str, dict] = {}
MAX_FEATURES = 4096


class ScoreRequest(BaseModel):
    model_id: str
    features: List[float]


def _load_spec(blob: bytes) -> dict:
    spec = json.loads(blob)
    coef = spec.get("coef")
    if not isinstance(coef, list) or not 0 < len(coef) <= MAX_FEATURES:
        raise ValueError("coef must be a non-empty list")
    return {"coef": np.asarray(coef, dtype=float), "intercept": float(spec.get("intercept", 0.0))}


@app.post("/models")
async def upload_model(file: UploadFile = File(...)):
    blob = await file.read(1_000_000)
    try:
        spec = _load_spec(blob)
    except (ValueError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=f"invalid model spec: {exc}")
    model_id = hashlib.sha256(blob).hexdigest()[:16]
    MODELS[model_id] = spec
    return {"model_id": model_id, "n_features": int(spec["coef"].shape[0])}


@app.get("/models")
def list_models():
    return {"models": sorted(MODELS)}


@app.post("/score")
def score(req: ScoreRequest):
    spec = MODELS.get(req.model_id)
    if spec is None:
        raise HTTPException(status_code=404, detail="unknown model")
    x = np.asarray(req.features, dtype=float)
    if x.shape != spec["coef"].shape:
        raise HTTPException(status_code=422, detail="feature count mismatch")
    logit = float(x @ spec["coef"] + spec["intercept"])
    return {"model_id": req.model_id, "score": 1.0 / (1.0 + np.exp(-logit))}
