"""FastAPI service where customers upload fine-tuned checkpoints and
evaluation batches to benchmark them against our reference model.
"""
import io
import logging
import os
import uuid
from pathlib import Path

import numpy as np
import torch
from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("model_eval")
app = FastAPI(title="checkpoint-eval")

CHECKPOINT_DIR = Path(os.environ.get("CHECKPOINT_DIR", "/srv/eval/checkpoints"))
MAX_UPLOAD = 512 * 1024 * 1024


class CheckpointRegistry:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def save(self, data: bytes) -> str:
        ckpt_id = uuid.uuid4().hex
        (self.root / f"{ckpt_id}.pt").write_bytes(data)
        return ckpt_id

    def path(self, ckpt_id: str) -> Path:
        if len(ckpt_id) != 32 or not all(c in "0123456789abcdef" for c in ckpt_id):
            raise HTTPException(status_code=404, detail="unknown checkpoint")
        return self.root / f"{ckpt_id}.pt"

    def load_state(self, ckpt_id: str) -> dict:
        path = self.path(ckpt_id)
        if not path.exists():
            raise HTTPException(status_code=404, detail="unknown checkpoint")
        return torch.load(path, map_location="cpu", weights_only=False)  # VULN flow


registry = CheckpointRegistry(CHECKPOINT_DIR)


def read_batch(raw: bytes) -> np.ndarray:
    batch = np.load(io.BytesIO(raw), allow_pickle=True)  # VULN flow
    if batch.ndim != 2:
        raise HTTPException(status_code=422, detail="expected a 2-D feature matrix")
    return batch.astype(np.float32)


@app.post("/checkpoints")
async def upload_checkpoint(file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="checkpoint too large")
    ckpt_id = registry.save(data)
    log.info("stored checkpoint %s (%d bytes)", ckpt_id, len(data))
    return {"checkpoint_id": ckpt_id}


@app.post("/checkpoints/{ckpt_id}/evaluate")
async def evaluate(ckpt_id: str, batch: UploadFile = File(...)):
    state = registry.load_state(ckpt_id)
    features = read_batch(await batch.read())
    weight = state.get("head.weight")
    bias = state.get("head.bias")
    if weight is None or bias is None:
        raise HTTPException(status_code=422, detail="checkpoint has no classification head")
    with torch.no_grad():
        logits = torch.from_numpy(features) @ weight.T + bias
        preds = logits.argmax(dim=1).tolist()
    return {"checkpoint_id": ckpt_id, "n": len(preds), "predictions": preds[:1000]}
