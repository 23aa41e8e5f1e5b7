import pickle
import re
import threading

import numpy as np
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

app = FastAPI(title="model server")
MODELS = {}
_lock = threading.Lock()
NAME_RE = re.compile(r"^[a-z0-9_-]{1,40}$")


class PredictRequest(BaseModel):
    features: list[list[float]]


@app.put("/models/{name}")
async def upload_model(name: str, request: Request):
    if not NAME_RE.fullmatch(name):
        raise HTTPException(status_code=400, detail="bad model name")
    model = pickle.loads(await request.body())  # VULN
    if not hasattr(model, "predict"):
        raise HTTPException(status_code=422, detail="object has no predict()")
    with _lock:
        MODELS[name] = model
    return {"loaded": name, "type": type(model).__name__}


@app.get("/models")
def list_models():
    return {"models": sorted(MODELS)}


@app.post("/models/{name}/predict")
def predict(name: str, req: PredictRequest):
    model = MODELS.get(name)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    if not req.features or len(req.features) > 1000:
        raise HTTPException(status_code=400, detail="1-1000 rows expected")
    preds = model.predict(np.asarray(req.features, dtype=float))
    return {"predictions": [float(p) for p in preds]}
