"""Consumption anomaly scoring service (FastAPI).

Scores daily smart-meter consumption for leak-after-meter / tamper
patterns. Retrained models are published by CI into MODEL_DIR and
activated here by version name.
"""
import logging
import os
import threading
from typing import List

import joblib
import numpy as np
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("anomaly")
app = FastAPI(title="usage-anomaly")

MODEL_DIR = "/opt/anomaly/models"
MODEL_REGISTRY = {
    "2024.03": "iforest_2024_03.joblib",
    "2024.06": "iforest_2024_06.joblib",
    "2024.09": "iforest_2024_09.joblib",
}

_state = {"model": None, "version": None}
_lock = threading.Lock()
FEATURES = ["mean_lph", "night_min_lph", "zero_hours", "reverse_flow_l", "temp_c"]


class DailyProfile(BaseModel):
    meter_id: str
    mean_lph: float
    night_min_lph: float
    zero_hours: int = Field(ge=0, le=24)
    reverse_flow_l: float = 0.0
    temp_c: float = 15.0


class ScoreRequest(BaseModel):
    profiles: List[DailyProfile]


def load_model_file(version: str):
    filename = MODEL_REGISTRY[version]
    model = joblib.load(os.path.join(MODEL_DIR, filename))
    if not hasattr(model, "decision_function"):
        raise ValueError("model must expose decision_function")
    return model


@app.post("/models/activate")
async def activate_model(version: str):
    if version not in MODEL_REGISTRY:
        raise HTTPException(status_code=404, detail="unknown model version")
    try:
        model = load_model_file(version)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"cannot load model: {exc}")
    with _lock:
        _state["model"], _state["version"] = model, version
    log.info("activated anomaly model %r", version)
    return {"active": version}


@app.post("/score")
def score(req: ScoreRequest):
    with _lock:
        model, version = _state["model"], _state["version"]
    if model is None:
        raise HTTPException(status_code=503, detail="no model loaded")
    X = np.array([[getattr(p, f) for f in FEATURES] for p in req.profiles], dtype=float)
    scores = model.decision_function(X)
    return {
        "model": version,
        "results": [
            {"meter_id": p.meter_id, "score": float(s), "suspect": bool(s < -0.1)}
            for p, s in zip(req.profiles, scores)
        ],
    }
