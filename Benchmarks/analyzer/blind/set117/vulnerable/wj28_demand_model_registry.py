"""Model registry for the dynamic-pricing demand forecaster.

Revenue analysts train per-venue demand curves in notebooks and upload them
here; the pricing service asks for a forecast per price band.
"""
import hashlib
import logging
from datetime import datetime, timezone
from typing import Dict

import dill
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("model-registry")
app = FastAPI(title="Demand model registry")


class ForecastRequest(BaseModel):
    performance_id: int
    price_band: str
    price_pence: int
    days_out: int


class RegisteredModel:
    def __init__(self, venue: str, model, digest: str):
        self.venue = venue
        self.model = model
        self.digest = digest
        self.uploaded = datetime.now(timezone.utc)


REGISTRY: Dict[str, RegisteredModel] = {}


def deserialize_model(blob: bytes):
    model = dill.loads(blob)  # VULN flow
    if not hasattr(model, "predict"):
        raise ValueError("uploaded object has no predict()")
    return model


@app.post("/venues/{venue}/model")
async def upload_model(venue: str, file: UploadFile = File(...)):
    blob = await file.read()
    try:
        model = deserialize_model(blob)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"could not load model: {exc}")
    digest = hashlib.sha256(blob).hexdigest()
    REGISTRY[venue] = RegisteredModel(venue, model, digest)
    log.info("registered demand model %s for venue %r", digest[:12], venue)
    return {"venue": venue, "sha256": digest}


@app.post("/venues/{venue}/forecast")
def forecast(venue: str, req: ForecastRequest):
    entry = REGISTRY.get(venue)
    if entry is None:
        raise HTTPException(status_code=404, detail="no model for venue")
    features = [[req.price_pence / 100.0, req.days_out]]
    demand = float(entry.model.predict(features)[0])
    return {
        "performance_id": req.performance_id,
        "price_band": req.price_band,
        "expected_sales": max(0.0, demand),
        "model": entry.digest[:12],
    }
