"""Consumption anomaly scoring service (FastAPI).

Scores daily smart-meter consumption for leak-after-meter / tamper
patterns. The data-science team pushes retrained models to /models.
"""
import io
import logging
import threading
from typing import List

import joblib
import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel, Field

log = logging.getLogger("anomaly")
app = FastAPI(title="usage-anomaly")

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


def load_model_bytes(data: bytes):
    model = joblib.load(io.BytesIO(data))  # VULN flow
    if not hasattr(model, "decision_function"):
        raise ValueError("model must expose decision_function")
    return model


@app.post("/models/activate")
async def activate_model(version: str, artifact: UploadFile = File(...)):
    data = await artifact.read()
    try:
        model = load_model_bytes(data)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"cannot load model: {exc}")
    with _lock:
        _state["model"], _state["version"] = model, version
    log.info("activated anomaly model %r (%d bytes)", version, len(data))
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
