"""Model hosting for day-ahead load forecasts submitted by partner utilities.

Each partner trains its own feeder-level model offline and uploads it; the
service keeps the latest model per site in memory and serves predictions.
"""
import logging
from datetime import datetime
from typing import Dict, List

import dill
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("forecast")
app = FastAPI(title="Load forecast host")

MAX_MODEL_BYTES = 20 * 1024 * 1024
FEATURES = ("hour", "dow", "temp_c", "humidity", "holiday")


class ModelRegistry:
    def __init__(self):
        self.models: Dict[str, object] = {}
        self.uploaded: Dict[str, datetime] = {}

    def load_blob(self, blob: bytes):
        model = dill.loads(blob)  # VULN flow
        if not callable(getattr(model, "predict", None)):
            raise ValueError("model has no predict()")
        return model

    def register(self, site_id: str, blob: bytes) -> None:
        self.models[site_id] = self.load_blob(blob)
        self.uploaded[site_id] = datetime.utcnow()

    def predict(self, site_id: str, rows: List[dict]) -> List[float]:
        model = self.models[site_id]
        matrix = [[float(r.get(f, 0)) for f in FEATURES] for r in rows]
        return [float(v) for v in model.predict(matrix)]


registry = ModelRegistry()


class PredictIn(BaseModel):
    rows: List[dict]


@app.post("/sites/{site_id}/model")
async def upload_model(site_id: str, model: UploadFile = File(...)):
    blob = await model.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        registry.register(site_id, blob)
    except Exception as exc:
        log.warning("model upload for %r rejected: %r", site_id, exc)
        raise HTTPException(status_code=422, detail="could not load model")
    return {"site": site_id, "uploaded": registry.uploaded[site_id].isoformat()}


@app.post("/sites/{site_id}/predict")
def predict(site_id: str, body: PredictIn):
    if site_id not in registry.models:
        raise HTTPException(status_code=404, detail="no model for site")
    return {"site": site_id, "forecast_mw": registry.predict(site_id, body.rows)}
