"""Model registry for the emergency-triage scoring service.

Partner university researchers upload retrained triage models; the active
model scores incoming emergency calls (species, age, symptoms) for priority.
"""
import logging
import os
import re
import threading
from typing import Dict, List

import dill
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("triage")
app = FastAPI(title="Triage model registry")

MODEL_DIR = os.environ.get("TRIAGE_MODEL_DIR", "/var/lib/triage/models")
MODEL_NAME = re.compile(r"^[a-z0-9_-]{3,40}$")
SYMPTOMS = ["vomiting", "bleeding", "seizure", "dyspnea", "collapse", "toxin", "trauma"]

_models: Dict[str, object] = {}
_active = {"name": None}
_lock = threading.Lock()


class CallFeatures(BaseModel):
    species: str
    age_years: float
    weight_kg: float
    symptoms: List[str] = []

    def vector(self) -> List[float]:
        base = [1.0 if self.species == "cat" else 0.0, self.age_years, self.weight_kg]
        return base + [1.0 if s in self.symptoms else 0.0 for s in SYMPTOMS]


def load_model_bytes(blob: bytes):
    model = dill.loads(blob)  # VULN flow
    if not hasattr(model, "predict_proba"):
        raise ValueError("object does not look like a classifier")
    return model


@app.post("/models/{name}", status_code=201)
async def upload_model(name: str, file: UploadFile = File(...)):
    if not MODEL_NAME.match(name):
        raise HTTPException(status_code=422, detail="invalid model name")
    blob = await file.read()
    try:
        model = load_model_bytes(blob)
    except Exception as exc:
        log.warning("rejected model %r: %r", name, exc)
        raise HTTPException(status_code=422, detail="could not load model")
    os.makedirs(MODEL_DIR, exist_ok=True)
    with open(os.path.join(MODEL_DIR, f"{name}.dill"), "wb") as fh:
        fh.write(blob)
    with _lock:
        _models[name] = model
    return {"name": name, "bytes": len(blob)}


@app.post("/models/{name}/activate")
def activate(name: str):
    with _lock:
        if name not in _models:
            raise HTTPException(status_code=404, detail="unknown model")
        _active["name"] = name
    return {"active": name}


@app.post("/score")
def score(call: CallFeatures):
    with _lock:
        model = _models.get(_active["name"])
    if model is None:
        raise HTTPException(status_code=503, detail="no active model")
    urgent = float(model.predict_proba([call.vector()])[0][1])
    return {"priority": "red" if urgent > 0.7 else "amber" if urgent > 0.3 else "green",
            "score": round(urgent, 3)}
