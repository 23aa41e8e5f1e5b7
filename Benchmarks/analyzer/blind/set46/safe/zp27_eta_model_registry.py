"""Tiny model registry for delivery-ETA regressors.

Data scientists upload a fitted model from their notebook; the routing
service calls /predict with stop features to get ETA minutes.
"""
import hashlib
import json
import logging
from pathlib import Path
from typing import Dict, List

import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("eta-registry")
app = FastAPI(title="eta-model-registry")

STORE = Path("/srv/models/eta")
FEATURES = ["distance_km", "stops_before", "hour_of_day", "is_weekend", "parcel_count"]


class PredictRequest(BaseModel):
    rows: List[Dict[str, float]]


class LinearEtaModel:
    """Coefficients exported from the notebook with `export_linear_model()`."""

    def __init__(self, coef: List[float], intercept: float):
        if len(coef) != len(FEATURES):
            raise ValueError("coefficient count does not match feature list")
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = float(intercept)

    def predict(self, X: np.ndarray) -> np.ndarray:
        return X @ self.coef + self.intercept


class ModelRegistry:
    def __init__(self, root: Path):
        self.root = root
        self.cache = {}

    def save(self, blob: bytes) -> str:
        version = hashlib.sha256(blob).hexdigest()[:12]
        (self.root / f"{version}.json").write_bytes(blob)
        (self.root / "CURRENT").write_text(version)
        return version

    def load(self, version: str):
        if version not in self.cache:
            blob = (self.root / f"{version}.json").read_bytes()
            spec = json.loads(blob)
            self.cache[version] = LinearEtaModel(spec["coef"], spec["intercept"])
        return self.cache[version]

    def current(self):
        return self.load((self.root / "CURRENT").read_text().strip())


registry = ModelRegistry(STORE)


@app.post("/models", status_code=201)
async def upload_model(artifact: UploadFile = File(...)):
    blob = await artifact.read()
    try:
        spec = json.loads(blob)
        LinearEtaModel(spec["coef"], spec["intercept"])
    except (ValueError, KeyError, TypeError):
        raise HTTPException(status_code=422, detail="artifact is not a valid model export")
    version = registry.save(blob)
    log.info("registered ETA model %s (%d bytes)", version, len(blob))
    return {"version": version}


@app.post("/predict")
def predict(req: PredictRequest):
    model = registry.current()
    try:
        X = np.array([[row[f] for f in FEATURES] for row in req.rows], dtype=float)
    except KeyError as exc:
        raise HTTPException(status_code=400, detail=f"missing feature {exc}")
    minutes = model.predict(X)
    return {"eta_minutes": [round(float(m), 1) for m in minutes]}
