"""Model registry: teams upload fine-tuned checkpoints and embedding tables for evaluation."""
import hashlib
import logging
import os
import re
import tempfile

import numpy as np
import torch
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("registry")

UPLOAD_DIR = os.environ.get("REGISTRY_UPLOADS", "/srv/registry/uploads")
MODEL_NAME_RE = re.compile(r"[a-z0-9][a-z0-9-]{2,48}")
MAX_BYTES = 2 * 1024 ** 3


class CheckpointInspector:
    def __init__(self, device: str = "cpu") -> None:
        self.device = device

    def load_state(self, path: str) -> dict:
        state = torch.load(path, map_location=self.device, weights_only=True)
        if isinstance(state, dict) and "state_dict" in state:
            state = state["state_dict"]
        if not isinstance(state, dict):
            raise ValueError("checkpoint does not contain a state dict")
        return state

    def summarize(self, state: dict) -> dict:
        params = sum(t.numel() for t in state.values() if hasattr(t, "numel"))
        dtypes = sorted({str(t.dtype) for t in state.values() if hasattr(t, "dtype")})
        return {"tensors": len(state), "parameters": int(params), "dtypes": dtypes}

    def load_embeddings(self, path: str) -> dict:
        table = np.load(path, allow_pickle=False)
        return {"rows": int(table.shape[0]), "dim": int(table.shape[1]), "dtype": str(table.dtype)}


inspector = CheckpointInspector()


def save_upload(storage, suffix: str) -> tuple[str, str]:
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=UPLOAD_DIR, suffix=suffix, delete=False) as tmp:
        for chunk in iter(lambda: storage.stream.read(1 << 20), b""):
            digest.update(chunk)
            tmp.write(chunk)
    return tmp.name, digest.hexdigest()


@app.post("/models/<name>/versions")
def upload_version(name: str):
    if not MODEL_NAME_RE.fullmatch(name):
        abort(400, description="invalid model name")
    if request.content_length and request.content_length > MAX_BYTES:
        abort(413)
    ckpt = request.files.get("checkpoint")
    if ckpt is None:
        abort(400, description="checkpoint file required")
    path, sha = save_upload(ckpt, ".pt")
    try:
        summary = inspector.summarize(inspector.load_state(path))
        emb = request.files.get("embeddings")
        if emb is not None:
            emb_path, _ = save_upload(emb, ".npy")
            summary["embeddings"] = inspector.load_embeddings(emb_path)
    except (ValueError, RuntimeError, OSError, IndexError) as exc:
        os.unlink(path)
        log.info("rejected upload for %s: %s", name, exc)
        abort(422, description="unreadable checkpoint")
    log.info("registered %s sha256=%s", name, sha)
    return jsonify({"model": name, "sha256": sha, "summary": summary}), 201
