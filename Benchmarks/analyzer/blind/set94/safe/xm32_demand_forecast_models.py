"""Model registry for the ambulance demand-forecast service (hourly call volume per zone)."""
import hashlib
import json
import logging
import os
from datetime import datetime
from typing import Dict, List

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


class ZoneRateModel:
    """Poisson rate table: base rate per zone scaled by day-of-week and hour factors."""

    def __init__(self, base: Dict[str, float], dow: List[float], hour: List[float]):
        if len(dow) != 7 or len(hour) != 24:
            raise ValueError("expected 7 day-of-week and 24 hour factors")
        self.base, self.dow, self.hour = base, dow, hour

    def predict(self, zone, rows):
        rate = self.base.get(zone, 0.0)
        return [rate * self.dow[d % 7] * self.hour[h % 24] for d, h in rows]


class Registry:
    def __init__(self):
        self.models: Dict[str, object] = {}
        self.active: str = ""

    def register(self, blob: bytes) -> str:
        model = load_model(blob)
        version = hashlib.sha256(blob).hexdigest()[:12]
        self.models[version] = model
        self.active = version
        with open(os.path.join(MODEL_DIR, f"{version}.json"), "wb") as fh:
            fh.write(blob)
        return version


def load_model(blob: bytes):
    spec = json.loads(blob)
    model = ZoneRateModel(
        {str(k): float(v) for k, v in spec["base"].items()},
        [float(x) for x in spec["dow"]],
        [float(x) for x in spec["hour"]],
    )
    return model


registry = Registry()


@app.post("/models")
async def upload_model(file: UploadFile = File(...)):
    """Analysts upload retrained model coefficients exported from their notebooks."""
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
