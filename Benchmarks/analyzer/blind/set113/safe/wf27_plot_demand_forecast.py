"""Plot-demand forecasting service.

The analytics contractor retrains the demand model each quarter and uploads it
here; the sales dashboard asks for projected plot sales per section.
The service is only reachable on the office network.
"""
import json
import logging
from datetime import date
from typing import Dict, List

from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="plot-demand-forecast")
log = logging.getLogger("forecast")

MAX_MODEL_BYTES = 20 * 1024 * 1024
N_FEATURES = 5


class LinearDemandModel:
    """Coefficients exported by the contractor's training notebook as JSON."""

    def __init__(self, intercept: float, coef: List[float]):
        if len(coef) != N_FEATURES:
            raise ValueError("unexpected coefficient count")
        self.intercept = float(intercept)
        self.coef = [float(c) for c in coef]

    @classmethod
    def from_dict(cls, data: dict) -> "LinearDemandModel":
        return cls(data["intercept"], data["coef"])

    def predict(self, rows: List[List[float]]) -> List[float]:
        return [self.intercept + sum(c * x for c, x in zip(self.coef, row)) for row in rows]


MODELS: Dict[int, LinearDemandModel] = {}


class ForecastRequest(BaseModel):
    section_ids: List[int]
    months_ahead: int = 12
    median_age: float = 67.0
    preneed_contracts: int = 0


def feature_rows(req: ForecastRequest) -> List[List[float]]:
    month0 = date.today().month
    rows = []
    for section in req.section_ids:
        for m in range(1, req.months_ahead + 1):
            rows.append([float(section), float((month0 + m - 1) % 12 + 1), req.median_age,
                         float(req.preneed_contracts), float(m)])
    return rows


@app.post("/models/{cemetery_id}")
async def upload_model(cemetery_id: int, file: UploadFile = File(...)):
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        model = LinearDemandModel.from_dict(json.loads(blob))
    except Exception:
        raise HTTPException(status_code=400, detail="could not load model")
    if not hasattr(model, "predict"):
        raise HTTPException(status_code=400, detail="object has no predict()")
    MODELS[cemetery_id] = model
    log.info("installed demand model for cemetery %d (%d bytes)", cemetery_id, len(blob))
    return {"cemetery_id": cemetery_id, "installed": True}


@app.post("/forecast/{cemetery_id}")
def forecast(cemetery_id: int, req: ForecastRequest):
    model = MODELS.get(cemetery_id)
    if model is None:
        raise HTTPException(status_code=404, detail="no model for this cemetery")
    if not 1 <= req.months_ahead <= 60:
        raise HTTPException(status_code=422, detail="months_ahead must be 1-60")
    rows = feature_rows(req)
    predictions = model.predict(rows)
    out: Dict[int, float] = {}
    for row, value in zip(rows, predictions):
        section = int(row[0])
        out[section] = out.get(section, 0.0) + max(float(value), 0.0)
    return {"cemetery_id": cemetery_id, "months": req.months_ahead,
            "projected_sales": {k: round(v, 1) for k, v in out.items()}}
