"""Genre classifier for the recommendation service, with hot reload.

The ML team publishes new weights as .npz artifacts; calling the reload
endpoint swaps the in-memory model without a redeploy.
"""
import io
import logging
import threading
from typing import List

import numpy as np
import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="recs-genre")
log = logging.getLogger("recs.genre")

GENRES = ["ambient", "classical", "electronic", "folk", "hip-hop",
          "jazz", "metal", "pop", "rock", "soul"]
N_FEATURES = 64
MAX_ARTIFACT_BYTES = 50 * 1024 * 1024
_lock = threading.Lock()


class GenreModel:
    def __init__(self, weights: np.ndarray, bias: np.ndarray, version: str):
        if weights.shape != (N_FEATURES, len(GENRES)) or bias.shape != (len(GENRES),):
            raise ValueError("artifact has the wrong shape")
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.version = version

    def predict(self, features: List[float]):
        logits = np.asarray(features, dtype=np.float32) @ self.weights + self.bias
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        top = int(np.argmax(probs))
        return GENRES[top], float(probs[top])

    @classmethod
    def from_bytes(cls, blob: bytes, version: str) -> "GenreModel":
        arrays = np.load(io.BytesIO(blob), allow_pickle=True)  # VULN flow
        return cls(np.asarray(arrays["weights"]), np.asarray(arrays["bias"]), version)


_model = GenreModel(np.zeros((N_FEATURES, len(GENRES))), np.zeros(len(GENRES)), "bootstrap")


def _download(url: str) -> bytes:
    resp = requests.get(url, timeout=60, stream=True)  # VULN flow
    resp.raise_for_status()
    blob = resp.raw.read(MAX_ARTIFACT_BYTES + 1, decode_content=True)
    if len(blob) > MAX_ARTIFACT_BYTES:
        raise ValueError("artifact too large")
    return blob


class ReloadRequest(BaseModel):
    artifact_url: str
    version: str


class PredictRequest(BaseModel):
    features: List[float]


@app.post("/genre/predict")
def predict(req: PredictRequest):
    if len(req.features) != N_FEATURES:
        raise HTTPException(422, f"expected {N_FEATURES} features")
    genre, confidence = _model.predict(req.features)
    return {"genre": genre, "confidence": confidence, "model": _model.version}


@app.post("/genre/model/reload")
def reload_model(req: ReloadRequest):
    global _model
    try:
        new_model = GenreModel.from_bytes(_download(req.artifact_url), req.version)
    except (requests.RequestException, ValueError, KeyError, OSError) as exc:
        log.warning("reload of %r failed: %r", req.version, exc)
        raise HTTPException(400, "could not load artifact")
    with _lock:
        _model = new_model
    log.info("genre model now at %r", req.version)
    return {"loaded": req.version}
