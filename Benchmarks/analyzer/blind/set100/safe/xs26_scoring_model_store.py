"""Per-language pronunciation scoring models.

Instructors train small regressors offline on their students' recordings
and upload them here; the scoring endpoint applies them to the acoustic
feature vectors extracted by the mobile client.
"""
import hmac
import io
import logging
import os
from pathlib import Path
from typing import Dict, List

import numpy as np
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("scoring_models")
app = FastAPI(title="pronunciation-models")

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/srv/tutor/models"))
INSTRUCTOR_TOKEN = os.environ["INSTRUCTOR_UPLOAD_TOKEN"]
SUPPORTED = {"en", "es", "fr", "de", "it", "ja"}
MODELS: Dict[str, object] = {}


class Features(BaseModel):
    values: List[float]


class LinearScorer:
    def __init__(self, weights: np.ndarray, bias: float):
        self.weights = weights.astype(np.float32).ravel()
        self.bias = float(bias)

    def predict(self, x: np.ndarray) -> np.ndarray:
        return x @ self.weights + self.bias


def require_instructor(x_upload_token: str = Header("")) -> None:
    if not hmac.compare_digest(x_upload_token, INSTRUCTOR_TOKEN):
        raise HTTPException(status_code=403, detail="forbidden")


def load_model_bytes(raw: bytes) -> LinearScorer:
    with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
        if "weights" not in npz or "bias" not in npz:
            raise ValueError("archive must contain 'weights' and 'bias'")
        return LinearScorer(npz["weights"], npz["bias"])


@app.on_event("startup")
def load_saved_models() -> None:
    for path in MODEL_DIR.glob("*.npz"):
        try:
            MODELS[path.stem] = load_model_bytes(path.read_bytes())
        except Exception:
            log.exception("could not load model %s", path.name)


@app.put("/models/{lang}", dependencies=[Depends(require_instructor)])
async def upload_model(lang: str, file: UploadFile = File(...)):
    if lang not in SUPPORTED:
        raise HTTPException(status_code=404, detail="unsupported language")
    raw = await file.read()
    try:
        model = load_model_bytes(raw)
    except Exception as exc:
        raise HTTPException(status_code=400, detail=f"could not load model: {exc}")
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / f"{lang}.npz").write_bytes(raw)
    MODELS[lang] = model
    log.info("model for %s replaced (%d bytes)", lang, len(raw))
    return {"lang": lang, "bytes": len(raw)}


@app.post("/score/{lang}")
def score(lang: str, features: Features):
    model = MODELS.get(lang)
    if model is None:
        raise HTTPException(status_code=404, detail="no model for language")
    x = np.asarray(features.values, dtype=np.float32).reshape(1, -1)
    value = float(np.clip(model.predict(x)[0], 0.0, 100.0))
    return {"lang": lang, "score": round(value, 1)}
