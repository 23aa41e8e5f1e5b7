"""Claims fraud-scoring service: hot-swappable models published by the data science team."""
import hashlib
import hmac
import io
import logging
import threading
from typing import Dict, List

import dill
import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="fraud-scoring")
log = logging.getLogger("fraud.models")

FEATURES = ["amount", "days_to_report", "prior_claims", "policy_age_days", "attorney_involved"]
REGISTRY_BASE = "https://models.internal.example/fraud"
# version -> sha256 of the published artifact (updated through the release pipeline)
MODEL_REGISTRY = {
    "2024.03.1": "9d2f4c61a3b0e8f7c5d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7",
    "2024.05.2": "1b7e3f95c2d04a6e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70",
}


class ActivateRequest(BaseModel):
    version: str


class ScoreRequest(BaseModel):
    claims: List[Dict[str, float]]


class ModelHolder:
    def __init__(self):
        self._lock = threading.Lock()
        self.model = None
        self.version = None

    def swap(self, model, version):
        with self._lock:
            self.model, self.version = model, version


HOLDER = ModelHolder()


def download_artifact(version: str) -> bytes:
    resp = requests.get(f"{REGISTRY_BASE}/{version}/model.dill", timeout=60)
    resp.raise_for_status()
    return resp.content


def deserialize_model(blob: bytes, expected_sha256: str):
    digest = hashlib.sha256(blob).hexdigest()
    if not hmac.compare_digest(digest, expected_sha256):
        raise ValueError("artifact digest mismatch")
    return dill.load(io.BytesIO(blob))


@app.post("/models/activate")
def activate(req: ActivateRequest):
    expected = MODEL_REGISTRY.get(req.version)
    if expected is None:
        raise HTTPException(status_code=404, detail="unknown model version")
    try:
        blob = download_artifact(req.version)
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"download failed: {exc}")
    try:
        model = deserialize_model(blob, expected)
    except ValueError:
        raise HTTPException(status_code=422, detail="artifact failed integrity check")
    if not hasattr(model, "predict_proba"):
        raise HTTPException(status_code=422, detail="artifact is not a classifier")
    HOLDER.swap(model, req.version)
    log.info("activated fraud model %r (%d bytes)", req.version, len(blob))
    return {"active": req.version}


@app.post("/score")
def score(req: ScoreRequest):
    if HOLDER.model is None:
        raise HTTPException(status_code=503, detail="no model active")
    matrix = [[claim.get(f, 0.0) for f in FEATURES] for claim in req.claims]
    probs = HOLDER.model.predict_proba(matrix)
    return {"version": HOLDER.version, "scores": [round(float(p[1]), 4) for p in probs]}
