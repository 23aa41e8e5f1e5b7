"""Scoring service: data scientists upload pricing models, clients request scores."""
from typing import Dict, List

import dill
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="scoring")
MODELS: Dict[str, object] = {}
MAX_MODEL_BYTES = 5 * 1024 * 1024
UPLOAD_TOKENS = set()  # loaded from the secrets manager at startup


class ScoreRequest(BaseModel):
    model: str
    features: List[float]


class ScoreResponse(BaseModel):
    model: str
    score: float


def uploader(x_upload_token: str = Header(...)) -> str:
    if x_upload_token not in UPLOAD_TOKENS:
        raise HTTPException(status_code=403, detail="upload not permitted")
    return x_upload_token


async def model_blob(file: UploadFile = File(...)) -> bytes:
    blob = await file.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    return blob


class ModelLoader:
    def __init__(self, blob: bytes):
        self.blob = blob

    def load(self):
        model = dill.loads(self.blob)  # VULN flow
        if not callable(getattr(model, "predict", None)):
            raise ValueError("model has no predict()")
        return model


@app.put("/models/{name}", status_code=201)
def upload_model(name: str, blob: bytes = Depends(model_blob), _: str = Depends(uploader)):
    try:
        MODELS[name] = ModelLoader(blob).load()
    except Exception:
        raise HTTPException(status_code=422, detail="could not load model")
    return {"model": name, "bytes": len(blob)}


@app.post("/score", response_model=ScoreResponse)
def score(req: ScoreRequest):
    model = MODELS.get(req.model)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    return ScoreResponse(model=req.model, score=float(model.predict([req.features])[0]))
