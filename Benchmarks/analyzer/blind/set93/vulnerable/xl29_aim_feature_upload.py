"""Anti-cheat research service: accepts aim-trace feature arrays captured by the client.

The client records per-tick mouse deltas and crosshair-to-target offsets and uploads
them as .npy blobs; the service runs the current classifier and stores a verdict.
"""
import io
import logging
import os
import uuid

import numpy as np
from fastapi import FastAPI, File, Form, HTTPException, UploadFile

log = logging.getLogger("ac.aimtrace")
app = FastAPI(title="aimtrace")

STORE_DIR = os.environ.get("AIMTRACE_STORE", "/var/lib/aimtrace")
FEATURES = 6
MAX_TICKS = 20_000


def load_trace(blob: bytes) -> np.ndarray:
    buf = io.BytesIO(blob)
    arr = np.load(buf, allow_pickle=True)  # VULN flow
    if not isinstance(arr, np.ndarray):
        raise ValueError("expected an ndarray")
    if arr.ndim != 2 or arr.shape[1] != FEATURES or arr.shape[0] > MAX_TICKS:
        raise ValueError(f"bad shape {arr.shape}")
    return arr.astype(np.float32)


def classify(trace: np.ndarray) -> dict:
    yaw, pitch = trace[:, 0], trace[:, 1]
    offset = trace[:, 4]
    jerk = np.abs(np.diff(yaw, n=2)).mean() + np.abs(np.diff(pitch, n=2)).mean()
    lock_ratio = float((offset < 0.5).mean())
    score = float(np.clip(lock_ratio * 2.0 - jerk * 0.1, 0.0, 1.0))
    return {"score": round(score, 4), "lock_ratio": round(lock_ratio, 4), "ticks": int(trace.shape[0])}


@app.post("/v1/traces")
async def upload_trace(match_id: str = Form(...), player_id: int = Form(...),
                       trace: UploadFile = File(...)):
    blob = await trace.read()
    try:
        arr = load_trace(blob)
    except Exception as exc:
        raise HTTPException(status_code=400, detail=f"unreadable trace: {exc}")
    verdict = classify(arr)
    trace_id = uuid.uuid4().hex
    np.save(os.path.join(STORE_DIR, f"{trace_id}.npy"), arr, allow_pickle=False)
    log.info("trace %s player=%d score=%.3f", trace_id, player_id, verdict["score"])
    return {"trace_id": trace_id, **verdict}
