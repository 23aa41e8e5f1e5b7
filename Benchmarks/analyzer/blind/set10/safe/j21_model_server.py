import os
import re

import numpy as np
import onnxruntime as ort
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="model server")
MODEL_DIR = os.environ.get("MODEL_DIR", "/opt/models")
NAME_RE = re.compile(r"^[a-z0-9_-]{1,40}$")
SESSIONS = {}


class PredictRequest(BaseModel):
    features: list[list[float]]


def load_models():
    for fname in sorted(os.listdir(MODEL_DIR)):
        name, ext = os.path.splitext(fname)
        if ext == ".onnx" and NAME_RE.fullmatch(name):
            SESSIONS[name] = ort.InferenceSession(os.path.join(MODEL_DIR, fname), providers=["CPUExecutionProvider"])


@app.on_event("startup")
def startup():
    load_models()


@app.get("/models")
def list_models():
    return {"models": sorted(SESSIONS)}


@app.post("/models/{name}/predict")
def predict(name: str, req: PredictRequest):
    session = SESSIONS.get(name)
    if session is None:
        raise HTTPException(status_code=404, detail="unknown model")
    if not req.features or len(req.features) > 1000:
        raise HTTPException(status_code=400, detail="1-1000 rows expected")
    expected = session.get_inputs()[0].shape[1]
    if any(len(row) != expected for row in req.features):
        raise HTTPException(status_code=400, detail=f"each row needs {expected} features")
    inputs = {session.get_inputs()[0].name: np.asarray(req.features, dtype=np.float32)}
    preds = session.run(None, inputs)[0]
    return {"predictions": [float(p) for p in np.ravel(preds)]}
