"""Admin API for swapping the resume-ranking model used by the matching
service. Data-science contractors upload a model definition per customer
workspace (linear weights as JSON); it is stored and hot-loaded by the ranker."""
import hashlib
import json
import logging
import os
from typing import Dict, List

from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

from matching.auth import require_role
from matching.features import FEATURE_NAMES, featurize

app = FastAPI(title="ranker-admin")
log = logging.getLogger("ranker.models")

MODEL_DIR = os.environ.get("RANKER_MODEL_DIR", "/var/lib/ranker/models")
MAX_MODEL_BYTES = 50 * 1024 * 1024


class LinearRanker:
    def __init__(self, weights: Dict[str, float], bias: float = 0.0):
        self.weights = [float(weights.get(name, 0.0)) for name in FEATURE_NAMES]
        self.bias = float(bias)

    def predict(self, rows):
        return [self.bias + sum(w * x for w, x in zip(self.weights, row)) for row in rows]


class ModelRegistry:
    def __init__(self):
        self._models: Dict[int, object] = {}

    def load_blob(self, workspace_id: int, blob: bytes) -> object:
        spec = json.loads(blob.decode("utf-8"))
        if not isinstance(spec, dict) or not isinstance(spec.get("weights"), dict):
            raise ValueError("model spec must contain a 'weights' mapping")
        model = LinearRanker(spec["weights"], spec.get("bias", 0.0))
        self._models[workspace_id] = model
        return model

    def get(self, workspace_id: int):
        return self._models.get(workspace_id)


registry = ModelRegistry()


class RankRequest(BaseModel):
    requisition_text: str
    resumes: List[str]


@app.post("/workspaces/{workspace_id}/ranker-model")
async def upload_model(workspace_id: int, model_file: UploadFile = File(...),
                       user=Depends(require_role("ds-contractor"))):
    blob = await model_file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    digest = hashlib.sha256(blob).hexdigest()
    try:
        registry.load_blob(workspace_id, blob)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"could not load model: {exc}")
    os.makedirs(MODEL_DIR, exist_ok=True)
    with open(os.path.join(MODEL_DIR, f"{workspace_id}-{digest[:12]}.json"), "wb") as fh:
        fh.write(blob)
    log.info("workspace %s model replaced by user %s (sha256 %s)", workspace_id, user.id, digest)
    return {"workspace": workspace_id, "sha256": digest}


@app.post("/workspaces/{workspace_id}/rank")
def rank(workspace_id: int, body: RankRequest):
    model = registry.get(workspace_id)
    if model is None:
        raise HTTPException(status_code=404, detail="no model loaded for workspace")
    features = [featurize(body.requisition_text, r) for r in body.resumes]
    scores = model.predict(features)
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    return {"ranking": [{"index": i, "score": float(scores[i])} for i in order]}
