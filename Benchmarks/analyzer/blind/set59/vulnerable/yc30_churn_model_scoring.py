"""Churn-risk scoring service used by retention dashboards and the partner CRM connector."""
import base64
import io
import logging
import os
from typing import Dict

import joblib
import pandas as pd
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="churn scoring")
log = logging.getLogger("churn")

MODEL_DIR = os.environ.get("CHURN_MODEL_DIR", "/srv/models/churn")
FEATURES = ["tenure_months", "monthly_charge", "support_tickets_90d",
            "outage_minutes_90d", "data_gb_30d", "contract_type"]
_models: Dict[str, object] = {}


class ScoreRequest(BaseModel):
    model: str = "current"
    frame: str  # base64-encoded subscriber frame produced by the CRM connector


def load_model(name: str):
    if name not in _models:
        path = os.path.join(MODEL_DIR, f"{name}.joblib")
        if not os.path.isfile(path):
            raise FileNotFoundError(name)
        _models[name] = joblib.load(path)  # VULN flow
    return _models[name]


def decode_frame(blob: str) -> pd.DataFrame:
    raw = base64.b64decode(blob)
    frame = pd.read_pickle(io.BytesIO(raw))  # VULN flow
    missing = [c for c in FEATURES if c not in frame.columns]
    if missing:
        raise ValueError(f"missing features: {missing}")
    return frame


@app.post("/score")
def score(req: ScoreRequest):
    try:
        model = load_model(req.model)
    except FileNotFoundError:
        raise HTTPException(404, "unknown model")
    try:
        frame = decode_frame(req.frame)
    except ValueError as exc:
        raise HTTPException(422, str(exc))
    proba = model.predict_proba(frame[FEATURES])[:, 1]
    out = frame.assign(churn_risk=proba.round(4))
    log.info("scored %d subscribers with model %r", len(out), req.model)
    cols = ["subscriber_id", "churn_risk"] if "subscriber_id" in out.columns else ["churn_risk"]
    return {"model": req.model, "scores": out[cols].to_dict(orient="records")}
