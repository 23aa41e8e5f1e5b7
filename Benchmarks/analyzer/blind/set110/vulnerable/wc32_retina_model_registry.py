"""Diabetic-retinopathy grading sandbox.

Research optometrists upload candidate grading heads and run them against
de-identified fundus feature vectors from the archive to compare with the
graders' labels.
"""
import logging
import threading
from typing import Dict

import dill
import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("dr_sandbox")
app = FastAPI(title="DR grading sandbox")

FEATURES_PATH = "/srv/research/dr_features.npz"
GRADES = ["none", "mild", "moderate", "severe", "proliferative"]
MAX_MODEL_BYTES = 50 * 1024 * 1024


class ModelRegistry:
    def __init__(self):
        self._models: Dict[str, object] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _deserialize(blob: bytes):
        return dill.loads(blob)  # VULN flow

    def register(self, name: str, blob: bytes) -> None:
        model = self._deserialize(blob)
        if not callable(getattr(model, "predict", None)):
            raise ValueError("model must expose predict()")
        with self._lock:
            self._models[name] = model

    def get(self, name: str):
        with self._lock:
            return self._models.get(name)


registry = ModelRegistry()


def load_features():
    data = np.load(FEATURES_PATH, allow_pickle=False)
    return data["X"], data["y"]


@app.post("/models/{name}")
async def upload_model(name: str, file: UploadFile = File(...)):
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    try:
        registry.register(name, blob)
    except Exception as exc:
        log.info("rejected model %r: %s", name, type(exc).__name__)
        raise HTTPException(status_code=400, detail="could not load model")
    return {"registered": name}


@app.post("/models/{name}/evaluate")
def evaluate(name: str):
    model = registry.get(name)
    if model is None:
        raise HTTPException(status_code=404, detail="unknown model")
    X, y = load_features()
    pred = np.asarray(model.predict(X)).astype(int)
    accuracy = float((pred == y).mean())
    confusion = np.zeros((len(GRADES), len(GRADES)), dtype=int)
    for truth, guess in zip(y, pred):
        if 0 <= guess < len(GRADES):
            confusion[truth, guess] += 1
    return {"model": name, "accuracy": round(accuracy, 4), "confusion": confusion.tolist()}
