"""Admin API for swapping the resume-ranking model used by the matching
service. Data-science contractors upload a serialized model per customer
workspace; it is stored and hot-loaded by the ranker."""
import hashlib
import logging
import os
from typing import Dict, List

import dill
from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

from matching.auth import require_role
from matching.features import featurize

app = FastAPI(title="ranker-admin")
log = logging.getLogger("ranker.models")

MODEL_DIR = os.environ.get("RANKER_MODEL_DIR", "/var/lib/ranker/models")
MAX_MODEL_BYTES = 50 * 1024 * 1024


class ModelRegistry:
    def __init__(self):
        self._models: Dict[int, object] = {}

    def load_blob(self, workspace_id: int, blob: bytes) -> object:
        model = dill.loads(blob)  # VULN flow
        if not hasattr(model, "predict"):
            raise ValueError("uploaded object has no predict() method")
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
    with open(os.path.join(MODEL_DIR, f"{workspace_id}-{digest[:12]}.dill"), "wb") as fh:
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
