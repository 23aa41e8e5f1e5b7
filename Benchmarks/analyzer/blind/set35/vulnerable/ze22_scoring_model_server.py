"""Inference server for customer fine-tuned scoring models."""
import os
import re
from functools import lru_cache
from typing import List

import torch
from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel

from .auth import Customer, current_customer

MODEL_ROOT = os.environ.get("MODEL_ROOT", "/srv/models")
NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,47}")
MAX_UPLOAD = 200 * 1024 * 1024

app = FastAPI(title="scoring-server")


class ScoreRequest(BaseModel):
    model: str
    features: List[List[float]]


class ScoringNet(torch.nn.Module):
    def __init__(self, n_features=32, hidden=64):
        super().__init__()
        self.body = torch.nn.Sequential(
            torch.nn.Linear(n_features, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1)
        )

    def forward(self, x):
        return torch.sigmoid(self.body(x))


def model_path(customer_id, name):
    if not NAME_RE.fullmatch(name):
        raise HTTPException(status_code=400, detail="invalid model name")
    return os.path.join(MODEL_ROOT, str(int(customer_id)), f"{name}.pt")


@lru_cache(maxsize=16)
def load_model(path):
    state = torch.load(path, map_location="cpu")  # VULN flow
    model = ScoringNet()
    model.load_state_dict(state)
    model.eval()
    return model


@app.post("/models/{name}", status_code=201)
async def upload_model(
    name: str,
    file: UploadFile = File(...),
    customer: Customer = Depends(current_customer),
):
    path = model_path(customer.id, name)
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="model file too large")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    load_model.cache_clear()
    return {"model": name, "bytes": len(data)}


@app.post("/score")
def score(req: ScoreRequest, customer: Customer = Depends(current_customer)):
    path = model_path(customer.id, req.model)
    if not os.path.exists(path):
        raise HTTPException(status_code=404, detail="unknown model")
    model = load_model(path)
    with torch.no_grad():
        out = model(torch.tensor(req.features, dtype=torch.float32))
    return {"model": req.model, "scores": out.squeeze(-1).tolist()}
