"""Model registry for fermentation attenuation predictors.

Data scientists upload trained predictors from their notebooks (exported as
JSON coefficients); the brewhouse dashboard calls /predict to estimate final
gravity for an in-progress batch.
"""
import json
import logging
import re
import threading
from typing import Dict, List

from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("models")
app = FastAPI(title="attenuation-models")

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,40}$")
MAX_MODEL_BYTES = 20 * 1024 * 1024


class LinearModel:
    def __init__(self, coef: List[float], intercept: float):
        if len(coef) != 4:
            raise ValueError("expected 4 coefficients")
        self.coef = [float(c) for c in coef]
        self.intercept = float(intercept)

    def predict(self, rows):
        return [sum(c * x for c, x in zip(self.coef, row)) + self.intercept for row in rows]


class ModelRegistry:
    def __init__(self):
        self._models: Dict[str, object] = {}
        self._lock = threading.Lock()

    def register(self, name: str, blob: bytes) -> object:
        spec = json.loads(blob)
        model = LinearModel(spec["coef"], spec["intercept"])
        with self._lock:
            self._models[name] = model
        return model

    def get(self, name: str):
        with self._lock:
            return self._models.get(name)

    def names(self):
        with self._lock:
            return sorted(self._models)


registry = ModelRegistry()


class PredictRequest(BaseModel):
    og: float
    current_sg: float
    temp_c: float
    hours: float
    yeast_strain: str = "WLP001"


@app.post("/models/{name}")
async def upload_model(name: str, file: UploadFile = File(...)):
    if not NAME_RE.match(name):
        raise HTTPException(status_code=400, detail="bad model name")
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        registry.register(name, blob)
    except Exception as exc:
        log.warning("model upload %s rejected: %r", name, exc)
        raise HTTPException(status_code=422, detail="could not load model")
    return {"registered": name}


@app.get("/models")
def list_models():
    return {"models": registry.names()}


@app.post("/models/{name}/predict")
def predict(name: str, req: PredictRequest):
    model = registry.get(name)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    fg = float(model.predict([[req.og, req.current_sg, req.temp_c, req.hours]])[0])
    return {"model": name, "predicted_fg": round(fg, 4), "apparent_attenuation": round((req.og - fg) / (req.og - 1) * 100, 1)}
