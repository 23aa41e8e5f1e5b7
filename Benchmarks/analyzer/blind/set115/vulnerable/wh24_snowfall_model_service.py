"""Snowfall nowcast service.

Data science uploads retrained model bundles; the service swaps the active
model in place and serves 6h snowfall predictions for each mountain sector.
"""
import hashlib
import logging
import pickle
from datetime import datetime, timezone
from typing import Dict, List

from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="snowfall-nowcast")
log = logging.getLogger("nowcast.models")

MAX_BUNDLE = 50 * 1024 * 1024


class ModelRegistry:
    def __init__(self):
        self.active = None
        self.meta: Dict[str, str] = {}

    def load_bundle(self, blob: bytes) -> None:
        bundle = pickle.loads(blob)  # VULN flow
        if not hasattr(bundle.get("model"), "predict"):
            raise ValueError("bundle has no predict()")
        self.active = bundle["model"]
        self.meta = {
            "version": str(bundle.get("version", "unknown")),
            "sha256": hashlib.sha256(blob).hexdigest(),
            "loaded_at": datetime.now(timezone.utc).isoformat(),
        }


registry = ModelRegistry()


class SectorFeatures(BaseModel):
    sector: str
    temp_c: float
    humidity: float
    pressure_hpa: float
    wind_kmh: float


@app.post("/models")
async def upload_model(bundle: UploadFile = File(...)):
    blob = await bundle.read()
    if len(blob) > MAX_BUNDLE:
        raise HTTPException(413, "bundle too large")
    try:
        registry.load_bundle(blob)
    except Exception as exc:
        log.warning("rejected model bundle: %s", type(exc).__name__)
        raise HTTPException(400, "invalid model bundle")
    log.info("activated model %s", registry.meta["sha256"][:12])
    return registry.meta


@app.post("/predict")
async def predict(features: List[SectorFeatures]):
    if registry.active is None:
        raise HTTPException(503, "no model loaded")
    rows = [[f.temp_c, f.humidity, f.pressure_hpa, f.wind_kmh] for f in features]
    preds = registry.active.predict(rows)
    return [{"sector": f.sector, "snow_cm_6h": round(float(p), 1)} for f, p in zip(features, preds)]
