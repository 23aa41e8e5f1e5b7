"""Internal ML platform: teams upload precomputed embedding matrices for serving."""
from __future__ import annotations

import hashlib
import io
import logging
import os

import numpy as np
from fastapi import FastAPI, File, Form, HTTPException, UploadFile

log = logging.getLogger("embeddings")
app = FastAPI(title="embedding-registry")

STORE_DIR = os.environ.get("EMBEDDING_STORE", "/srv/ml/embeddings")
MAX_UPLOAD = 512 * 1024 * 1024
_INDEX: dict[str, np.ndarray] = {}


class EmbeddingBundle:
    def __init__(self, name: str, blob: bytes):
        self.name = name
        self.blob = blob
        self.digest = hashlib.sha256(blob).hexdigest()

    def matrix(self) -> np.ndarray:
        arrays = np.load(io.BytesIO(self.blob), allow_pickle=False)
        vectors = arrays["vectors"] if hasattr(arrays, "files") else arrays
        if vectors.ndim != 2:
            raise ValueError("expected a 2-D matrix")
        return vectors.astype(np.float32)


def normalise(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms


@app.post("/embeddings")
async def upload_embeddings(name: str = Form(...), file: UploadFile = File(...)):
    blob = await file.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        raise HTTPException(413, "file too large")
    bundle = EmbeddingBundle(name, blob)
    try:
        mat = normalise(bundle.matrix())
    except (ValueError, KeyError) as exc:
        raise HTTPException(422, str(exc))
    _INDEX[name] = mat
    os.makedirs(STORE_DIR, exist_ok=True)
    np.save(os.path.join(STORE_DIR, f"{bundle.digest}.npy"), mat, allow_pickle=False)
    log.info("registered embeddings digest=%s shape=%s", bundle.digest[:12], mat.shape)
    return {"name": name, "rows": int(mat.shape[0]), "dim": int(mat.shape[1]), "sha256": bundle.digest}


@app.post("/embeddings/{name}/query")
def query(name: str, vector: list[float], k: int = 10):
    mat = _INDEX.get(name)
    if mat is None:
        raise HTTPException(404, "unknown embedding set")
    q = np.asarray(vector, dtype=np.float32)
    if q.shape != (mat.shape[1],):
        raise HTTPException(422, "dimension mismatch")
    scores = mat @ (q / (np.linalg.norm(q) or 1.0))
    top = np.argsort(-scores)[: max(1, min(k, 100))]
    return {"ids": top.tolist(), "scores": scores[top].tolist()}
