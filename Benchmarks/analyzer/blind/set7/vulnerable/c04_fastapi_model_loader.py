import hashlib
import pickle
from typing import Dict, List

import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="scoring-service")
MODELS: Dict[str, object] = {}


class ScoreRequest(BaseModel):
    model_id: str
    features: List[float]


def _deserialize(blob: bytes):
    return pickle.loads(blob)  # VULN flow


@app.post("/models")
async def upload_model(file: UploadFile = File(...)):
    blob = await file.read()
    model = _deserialize(blob)
    if not hasattr(model, "predict"):
        raise HTTPException(status_code=422, detail="uploaded object has no predict()")
    model_id = hashlib.sha256(blob).hexdigest()[:16]
    MODELS[model_id] = model
    return {"model_id": model_id, "type": type(model).__name__}


@app.get("/models")
def list_models():
    return {"models": sorted(MODELS)}


@app.post("/score")
def score(req: ScoreRequest):
    model = MODELS.get(req.model_id)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    x = np.asarray(req.features, dtype=float).reshape(1, -1)
    return {"model_id": req.model_id, "score": float(model.predict(x)[0])}
