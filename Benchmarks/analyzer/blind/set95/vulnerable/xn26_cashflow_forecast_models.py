"""Nightly cash-flow forecast job.

Firms on the Analytics plan can upload their own fitted forecast model from
the settings page; uploads land in the tenant's prefix of the models bucket.
"""
import io
import logging
import os
from datetime import date, timedelta

import boto3
import dill
import numpy as np
import pandas as pd

log = logging.getLogger("forecast")

MODEL_BUCKET = os.environ.get("FORECAST_MODEL_BUCKET", "ledgerly-forecast-models")
HORIZON_DAYS = 90

s3 = boto3.client("s3")


def model_key(tenant_id: int) -> str:
    return f"tenants/{tenant_id}/forecast/model.dill"


def load_model(tenant_id: int):
    obj = s3.get_object(Bucket=MODEL_BUCKET, Key=model_key(tenant_id))
    blob = obj["Body"].read()
    model = dill.load(io.BytesIO(blob))  # VULN flow
    if not hasattr(model, "predict"):
        raise TypeError("uploaded model has no predict()")
    return model


def features_for(history: pd.DataFrame, start: date) -> np.ndarray:
    days = np.arange(HORIZON_DAYS)
    weekday = np.array([(start + timedelta(days=int(d))).weekday() for d in days])
    last_balance = float(history["balance"].iloc[-1]) if len(history) else 0.0
    return np.column_stack([days, weekday, np.full(HORIZON_DAYS, last_balance)])


def forecast_tenant(tenant_id: int, history: pd.DataFrame) -> pd.DataFrame:
    start = date.today()
    model = load_model(tenant_id)
    predicted = np.asarray(model.predict(features_for(history, start)), dtype=float)
    index = pd.date_range(start, periods=HORIZON_DAYS, freq="D")
    return pd.DataFrame({"projected_balance": predicted}, index=index)


def run(tenants, history_loader, writer):
    for tenant_id in tenants:
        try:
            frame = forecast_tenant(tenant_id, history_loader(tenant_id))
        except s3.exceptions.NoSuchKey:
            continue
        except Exception:
            log.exception("forecast failed for tenant %s", tenant_id)
            continue
        writer(tenant_id, frame)
        log.info("forecast written for tenant %s (%d days)", tenant_id, len(frame))
