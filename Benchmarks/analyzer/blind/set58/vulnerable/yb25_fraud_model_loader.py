"""Claims fraud-scoring service: hot-swappable models published by the data science team."""
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


class ActivateRequest(BaseModel):
    model_uri: str
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


def download_artifact(uri: str) -> bytes:
    resp = requests.get(uri, timeout=60)  # VULN flow
    resp.raise_for_status()
    return resp.content


def deserialize_model(blob: bytes):
    return dill.load(io.BytesIO(blob))  # VULN flow


@app.post("/models/activate")
def activate(req: ActivateRequest):
    try:
        blob = download_artifact(req.model_uri)
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"download failed: {exc}")
    model = deserialize_model(blob)
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
