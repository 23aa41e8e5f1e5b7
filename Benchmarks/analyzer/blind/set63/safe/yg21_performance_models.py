"""Coaching analytics: teams upload trained fatigue/performance models for scoring."""
import json
import logging
import threading
from typing import List

from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("perf_models")
app = FastAPI(title="performance-models")

MAX_MODEL_BYTES = 20 * 1024 * 1024


class SessionFeatures(BaseModel):
    athlete_id: str
    features: List[float]


class LinearModel:
    """Exported from the coaching notebook as {"weights": [...], "bias": x}."""

    def __init__(self, weights: List[float], bias: float):
        self.weights = [float(w) for w in weights]
        self.bias = float(bias)

    def predict(self, rows):
        return [self.bias + sum(w * x for w, x in zip(self.weights, row)) for row in rows]


class ModelRegistry:
    def __init__(self):
        self._models = {}
        self._lock = threading.Lock()

    def load(self, team_id: str, blob: bytes):
        spec = json.loads(blob.decode("utf-8"))
        model = LinearModel(spec["weights"], spec.get("bias", 0.0))
        if not hasattr(model, "predict"):
            raise ValueError("uploaded object has no predict()")
        with self._lock:
            self._models[team_id] = model
        return model

    def get(self, team_id: str):
        with self._lock:
            return self._models.get(team_id)


registry = ModelRegistry()


@app.post("/teams/{team_id}/model")
async def upload_model(team_id: str, file: UploadFile = File(...)):
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        model = registry.load(team_id, blob)
    except Exception as exc:
        log.warning("model upload for team %r failed: %r", team_id, exc)
        raise HTTPException(status_code=400, detail="could not load model")
    return {"team": team_id, "model": type(model).__name__}


@app.post("/teams/{team_id}/score")
def score(team_id: str, sessions: List[SessionFeatures]):
    model = registry.get(team_id)
    if model is None:
        raise HTTPException(status_code=404, detail="no model uploaded")
    preds = model.predict([s.features for s in sessions])
    return [
        {"athlete_id": s.athlete_id, "fatigue": float(p)}
        for s, p in zip(sessions, preds)
    ]
