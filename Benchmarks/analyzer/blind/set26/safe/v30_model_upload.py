"""Scoring service: data scientists upload pricing models, clients request scores."""
import json
import math
from typing import Dict, List

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel, ValidationError

app = FastAPI(title="scoring")
MAX_MODEL_BYTES = 5 * 1024 * 1024
UPLOAD_TOKENS = set()  # loaded from the secrets manager at startup


class LinearModel(BaseModel):
    """Logistic model exported as plain JSON coefficients."""

    intercept: float
    coefficients: List[float]

    def predict(self, rows: List[List[float]]) -> List[float]:
        out = []
        for row in rows:
            if len(row) != len(self.coefficients):
                raise ValueError("feature count mismatch")
            z = self.intercept + sum(c * x for c, x in zip(self.coefficients, row))
            out.append(1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0))))
        return out


MODELS: Dict[str, LinearModel] = {}


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

    def load(self) -> LinearModel:
        data = json.loads(self.blob.decode("utf-8"))
        return LinearModel(**data)


@app.put("/models/{name}", status_code=201)
def upload_model(name: str, blob: bytes = Depends(model_blob), _: str = Depends(uploader)):
    try:
        MODELS[name] = ModelLoader(blob).load()
    except (ValueError, TypeError, ValidationError):
        raise HTTPException(status_code=422, detail="could not load model")
    return {"model": name, "bytes": len(blob)}


@app.post("/score", response_model=ScoreResponse)
def score(req: ScoreRequest):
    model = MODELS.get(req.model)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    try:
        value = model.predict([req.features])[0]
    except ValueError:
        raise HTTPException(status_code=422, detail="feature count mismatch")
    return ScoreResponse(model=req.model, score=value)
