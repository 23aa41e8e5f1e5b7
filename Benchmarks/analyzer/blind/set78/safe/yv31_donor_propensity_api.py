"""Donor propensity scoring service used by the major-gifts team.

Analysts publish trained models into MODEL_DIR; the CRM calls /score with a
batch of donor features. Analysts can also pick one of the registered
feature transforms while they iterate on new features.
"""
import logging
import os
import pickle
from typing import Dict, List, Optional

import numpy as np
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="propensity-scoring")
log = logging.getLogger("ml.propensity")

MODEL_DIR = os.environ.get("MODEL_DIR", "/srv/models/propensity")
FEATURES = ["years_giving", "gift_count", "largest_gift", "last_gift_days", "event_attendance"]
MODEL_REGISTRY = {
    "propensity_v2.pkl": "propensity_v2.pkl",
    "propensity_v3.pkl": "propensity_v3.pkl",
}
TRANSFORMS = {
    "log_amounts": lambda X: np.hstack([X[:, :2], np.log1p(X[:, 2:3]), X[:, 3:]]),
    "recency_decay": lambda X: np.hstack([X[:, :3], np.exp(-X[:, 3:4] / 365.0), X[:, 4:]]),
}
_cache: Dict[str, object] = {}


class ScoreRequest(BaseModel):
    model: str = "propensity_v3.pkl"
    donors: List[Dict[str, float]]
    transform: Optional[str] = None


def load_model(name: str):
    if name in _cache:
        return _cache[name]
    if name not in MODEL_REGISTRY:
        raise FileNotFoundError(name)
    path = os.path.join(MODEL_DIR, MODEL_REGISTRY[name])
    with open(path, "rb") as fh:
        model = pickle.load(fh)
    _cache[name] = model
    return model


def load_transform(name: Optional[str]):
    if not name:
        return None
    if name not in TRANSFORMS:
        raise HTTPException(status_code=400, detail="unknown transform")
    return TRANSFORMS[name]


def to_matrix(donors: List[Dict[str, float]]) -> np.ndarray:
    return np.array([[float(d.get(f, 0.0)) for f in FEATURES] for d in donors])


@app.post("/score")
def score(req: ScoreRequest):
    if not req.donors:
        raise HTTPException(status_code=400, detail="no donors supplied")
    try:
        model = load_model(req.model)
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="unknown model")
    X = to_matrix(req.donors)
    transform = load_transform(req.transform)
    if transform is not None:
        X = transform(X)
    probs = model.predict_proba(X)[:, 1]
    log.info("scored %d donors with model %r", len(req.donors), req.model)
    return {"model": req.model, "scores": [round(float(p), 4) for p in probs]}


@app.get("/models")
def list_models():
    return {"models": sorted(MODEL_REGISTRY)}
