"""Admissions analytics: upload and run applicant yield-scoring models.

Institutional research analysts train models offline and upload them here so
that the admissions dashboard can score the current applicant pool.
"""
import json
import logging
import math
import os
import secrets
from typing import Dict, List

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("admissions.models")
app = FastAPI(title="Applicant scoring")

ANALYST_TOKEN = os.environ["ANALYST_API_TOKEN"]
MAX_MODEL_BYTES = 20 * 1024 * 1024
FEATURES = ["gpa", "test_percentile", "distance_km", "visited_campus", "aid_offer"]

_registry: Dict[str, object] = {}


class ApplicantFeatures(BaseModel):
    applicant_id: str
    gpa: float
    test_percentile: float
    distance_km: float
    visited_campus: bool
    aid_offer: float


class LogisticScorer:
    """Logistic regression exported as plain coefficients."""

    def __init__(self, intercept: float, coefficients: List[float]):
        if len(coefficients) != len(FEATURES):
            raise ValueError(f"expected {len(FEATURES)} coefficients")
        self.intercept = float(intercept)
        self.coefficients = [float(c) for c in coefficients]

    def predict_proba(self, rows):
        out = []
        for row in rows:
            z = self.intercept + sum(c * x for c, x in zip(self.coefficients, row))
            p = 1.0 / (1.0 + math.exp(-z))
            out.append([1.0 - p, p])
        return out


def require_analyst(authorization: str = Header("")) -> None:
    token = authorization.removeprefix("Bearer ").strip()
    if not secrets.compare_digest(token, ANALYST_TOKEN):
        raise HTTPException(status_code=401, detail="analyst token required")


def load_model(blob: bytes):
    spec = json.loads(blob)
    model = LogisticScorer(spec["intercept"], spec["coefficients"])
    if not hasattr(model, "predict_proba"):
        raise ValueError("model must implement predict_proba")
    return model


@app.post("/models/{name}", dependencies=[Depends(require_analyst)])
async def upload_model(name: str, file: UploadFile = File(...)):
    blob = await file.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        model = load_model(blob)
    except Exception as exc:
        raise HTTPException(status_code=400, detail=f"could not load model: {exc}")
    _registry[name] = model
    log.info("registered model %r (%d bytes)", name, len(blob))
    return {"name": name, "features": FEATURES}


@app.post("/models/{name}/score", dependencies=[Depends(require_analyst)])
def score_applicants(name: str, applicants: List[ApplicantFeatures]):
    model = _registry.get(name)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    rows = [[float(getattr(a, f)) for f in FEATURES] for a in applicants]
    probabilities = model.predict_proba(rows)
    return {
        "model": name,
        "scores": [
            {"applicant_id": a.applicant_id, "yield_probability": round(float(p[1]), 4)}
            for a, p in zip(applicants, probabilities)
        ],
    }
