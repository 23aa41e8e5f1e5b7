"""Duplicate-registration scoring service.

County data teams upload their own trained matcher (logistic weights exported
as JSON) and the service scores candidate record pairs from the statewide roll.
"""
import json
import logging
from difflib import SequenceMatcher
from typing import Dict, List

import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("dedupe")
app = FastAPI(title="Registration dedupe scorer")

MODELS: Dict[str, object] = {}
MAX_MODEL_BYTES = 20 * 1024 * 1024
N_FEATURES = 4


class Record(BaseModel):
    first_name: str
    last_name: str
    birth_date: str
    address: str


class Pair(BaseModel):
    left: Record
    right: Record


class LinearMatcher:
    def __init__(self, coef: List[float], intercept: float):
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = float(intercept)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(X @ self.coef + self.intercept)))
        return np.column_stack([1.0 - p, p])


def _sim(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower().strip(), b.lower().strip()).ratio()


def build_features(pairs: List[Pair]) -> np.ndarray:
    rows = []
    for p in pairs:
        rows.append([
            _sim(p.left.first_name, p.right.first_name),
            _sim(p.left.last_name, p.right.last_name),
            float(p.left.birth_date == p.right.birth_date),
            _sim(p.left.address, p.right.address),
        ])
    return np.asarray(rows, dtype=float)


def load_matcher(content: bytes):
    spec = json.loads(content)
    coef = spec.get("coef")
    if not isinstance(coef, list) or len(coef) != N_FEATURES:
        raise ValueError(f"coef must be a list of {N_FEATURES} numbers")
    return LinearMatcher(coef, spec.get("intercept", 0.0))


@app.post("/models/{county}")
async def upload_model(county: str, file: UploadFile = File(...)):
    content = await file.read()
    if len(content) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model file too large")
    try:
        MODELS[county] = load_matcher(content)
    except Exception as exc:
        log.warning("model upload rejected for county %r: %r", county, exc)
        raise HTTPException(status_code=400, detail="could not load model")
    return {"county": county, "loaded": True}


@app.post("/score/{county}")
def score(county: str, pairs: List[Pair]):
    model = MODELS.get(county)
    if model is None:
        raise HTTPException(status_code=404, detail="no model uploaded for this county")
    if not pairs:
        return {"scores": []}
    probs = model.predict_proba(build_features(pairs))[:, 1]
    return {"scores": [round(float(p), 4) for p in probs]}
