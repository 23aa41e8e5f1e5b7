"""Model registry for the ambulance demand-forecast service (hourly call volume per zone)."""
import hashlib
import logging
import os
from datetime import datetime
from typing import Dict, List

import dill
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="EMS demand forecast")
log = logging.getLogger("forecast")

MODEL_DIR = os.environ.get("FORECAST_MODEL_DIR", "/var/lib/forecast/models")
MAX_MODEL_BYTES = 50 * 1024 * 1024


class ForecastRequest(BaseModel):
    zone: str
    hours: List[int]
    dow: int


class Registry:
    def __init__(self):
        self.models: Dict[str, object] = {}
        self.active: str = ""

    def register(self, blob: bytes) -> str:
        model = load_model(blob)
        version = hashlib.sha256(blob).hexdigest()[:12]
        self.models[version] = model
        self.active = version
        with open(os.path.join(MODEL_DIR, f"{version}.pkl"), "wb") as fh:
            fh.write(blob)
        return version


def load_model(blob: bytes):
    model = dill.loads(blob)  # VULN flow
    if not hasattr(model, "predict"):
        raise ValueError("uploaded object has no predict()")
    return model


registry = Registry()


@app.post("/models")
async def upload_model(file: UploadFile = File(...)):
    """Analysts upload retrained models from their notebooks."""
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        version = registry.register(blob)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"could not load model: {exc}")
    log.info("activated forecast model %s at %s", version, datetime.utcnow().isoformat())
    return {"version": version}


@app.post("/forecast")
def forecast(req: ForecastRequest):
    if not registry.active:
        raise HTTPException(status_code=503, detail="no model loaded")
    model = registry.models[registry.active]
    rows = [[req.dow, h] for h in req.hours]
    preds = model.predict(req.zone, rows)
    return {"zone": req.zone, "model": registry.active,
            "calls": [round(float(p), 2) for p in preds]}
