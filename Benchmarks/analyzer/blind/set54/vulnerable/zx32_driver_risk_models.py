"""Usage-based insurance: partner-supplied driver risk scoring models.

Insurance partners upload their scoring model; we run it against each
driver's weekly telematics features (harsh braking rate, night share,
speeding share, mileage) and send them the scores.
"""
import io
import logging
from typing import Dict

import dill
from fastapi import FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("ub-models")
app = FastAPI(title="ubi-scoring")

FEATURES = ("harsh_brake_per_100km", "night_share", "speeding_share", "weekly_km")


class PartnerModels:
    def __init__(self):
        self._models: Dict[str, object] = {}

    def load(self, partner: str, blob: bytes):
        model = dill.load(io.BytesIO(blob))  # VULN flow
        if not hasattr(model, "predict"):
            raise ValueError("model must expose predict()")
        self._models[partner] = model
        return model

    def get(self, partner: str):
        return self._models.get(partner)


REGISTRY = PartnerModels()


class DriverWeek(BaseModel):
    driver_id: str
    harsh_brake_per_100km: float
    night_share: float
    speeding_share: float
    weekly_km: float

    def vector(self):
        return [[getattr(self, f) for f in FEATURES]]


def partner_from_key(api_key: str) -> str:
    # partner keys are provisioned as "<partner>.<secret>" and checked at the gateway
    partner, _, _ = api_key.partition(".")
    if not partner:
        raise HTTPException(status_code=401)
    return partner


@app.post("/models")
async def upload_model(model_file: UploadFile = File(...), x_api_key: str = Header(...)):
    partner = partner_from_key(x_api_key)
    blob = await model_file.read()
    try:
        REGISTRY.load(partner, blob)
    except Exception as exc:
        log.warning("model upload rejected for %r: %s", partner, type(exc).__name__)
        raise HTTPException(status_code=400, detail="could not load model")
    return {"partner": partner, "features": FEATURES}


@app.post("/score")
async def score(week: DriverWeek, x_api_key: str = Header(...)):
    partner = partner_from_key(x_api_key)
    model = REGISTRY.get(partner)
    if model is None:
        raise HTTPException(status_code=404, detail="no model uploaded")
    value = float(model.predict(week.vector())[0])
    return {"driver_id": week.driver_id, "partner": partner, "score": round(value, 4)}
