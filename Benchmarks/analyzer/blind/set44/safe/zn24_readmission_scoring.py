"""30-day readmission risk scoring service.

Care-management tools post a batch of encounter feature frames and get back a
risk score per encounter. Notebook users send frames as pandas "split" JSON
(``df.to_json(orient="split")``) so column order is preserved.
"""
import io
import logging
import os
from typing import List

import joblib
import numpy as np
import pandas as pd
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

log = logging.getLogger("readmit.scoring")
app = FastAPI(title="readmission-risk")

MODEL_PATH = "/opt/models/readmit/gbm-2024-03.joblib"
FEATURES = ["age", "los_days", "prior_admits_12m", "charlson_index",
            "ed_visits_6m", "discharge_to_snf", "num_meds"]
MAX_ROWS = 5000

model = joblib.load(MODEL_PATH)


class Score(BaseModel):
    encounter_id: str
    risk: float
    band: str


class FrameCodec:
    content_type = "application/json"

    @staticmethod
    def decode(blob: bytes) -> pd.DataFrame:
        try:
            frame = pd.read_json(io.BytesIO(blob), orient="split")
        except ValueError:
            raise HTTPException(status_code=400, detail="payload is not a split-oriented frame")
        return frame


def band_for(risk: float) -> str:
    if risk >= 0.35:
        return "high"
    if risk >= 0.15:
        return "medium"
    return "low"


def score_frame(frame: pd.DataFrame) -> List[Score]:
    missing = [c for c in FEATURES + ["encounter_id"] if c not in frame.columns]
    if missing:
        raise HTTPException(status_code=422, detail=f"missing columns: {missing}")
    if len(frame) > MAX_ROWS:
        raise HTTPException(status_code=413, detail="too many rows")
    X = frame[FEATURES].astype(np.float32).to_numpy()
    probs = model.predict_proba(X)[:, 1]
    return [Score(encounter_id=str(eid), risk=round(float(p), 4), band=band_for(float(p)))
            for eid, p in zip(frame["encounter_id"], probs)]


@app.post("/v1/score", response_model=List[Score])
async def score(request: Request):
    if request.headers.get("content-type", "") != FrameCodec.content_type:
        raise HTTPException(status_code=415, detail=f"expected {FrameCodec.content_type}")
    payload = await request.body()
    frame = FrameCodec.decode(payload)
    scores = score_frame(frame)
    log.info("scored %d encounters", len(scores))
    return scores


@app.get("/v1/model")
def model_info():
    return {"path": os.path.basename(MODEL_PATH), "features": FEATURES}
