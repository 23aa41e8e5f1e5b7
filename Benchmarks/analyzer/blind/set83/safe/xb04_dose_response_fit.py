"""Dose-response fitting service; slow fits can be paused and resumed by the client."""
import base64
import hashlib
import hmac
import json
import logging
import os
from typing import List, Optional

import numpy as np
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
from scipy.optimize import curve_fit

app = FastAPI(title="assay-fit")
log = logging.getLogger("assay.fit")
MAXFEV = 2000
CHECKPOINT_KEY = os.environ["FIT_CHECKPOINT_KEY"].encode()


class FitRequest(BaseModel):
    plate_id: str
    compound_id: str
    concentrations: List[float]
    responses: List[float]
    checkpoint: Optional[str] = None


class FitState:
    def __init__(self, p0, iterations=0):
        self.p0 = [float(v) for v in p0]
        self.iterations = int(iterations)


def four_pl(x, bottom, top, ic50, hill):
    return bottom + (top - bottom) / (1.0 + (x / ic50) ** hill)


def encode_checkpoint(state: FitState) -> str:
    body = json.dumps({"p0": state.p0, "iterations": state.iterations}).encode()
    sig = hmac.new(CHECKPOINT_KEY, body, hashlib.sha256).hexdigest()
    return base64.urlsafe_b64encode(body).decode("ascii") + "." + sig


def decode_checkpoint(blob: str) -> FitState:
    encoded, _, sig = blob.partition(".")
    raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
    expected = hmac.new(CHECKPOINT_KEY, raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sig):
        raise HTTPException(status_code=400, detail="invalid checkpoint")
    data = json.loads(raw)
    return FitState(data["p0"], data.get("iterations", 0))


def initial_state(x: np.ndarray, y: np.ndarray) -> FitState:
    return FitState([float(y.min()), float(y.max()), float(np.median(x)), 1.0])


@app.post("/fit")
def fit(req: FitRequest):
    if len(req.concentrations) != len(req.responses) or len(req.responses) < 4:
        raise HTTPException(status_code=422, detail="need at least 4 paired points")
    x = np.asarray(req.concentrations, dtype=float)
    y = np.asarray(req.responses, dtype=float)

    state = decode_checkpoint(req.checkpoint) if req.checkpoint else initial_state(x, y)
    try:
        popt, pcov = curve_fit(four_pl, x, y, p0=state.p0, maxfev=MAXFEV)
    except RuntimeError:
        state.iterations += MAXFEV
        log.info("fit not converged for plate %r after %d evals", req.plate_id, state.iterations)
        return {"plate_id": req.plate_id, "converged": False,
                "checkpoint": encode_checkpoint(state)}

    perr = np.sqrt(np.diag(pcov))
    bottom, top, ic50, hill = (float(v) for v in popt)
    return {
        "plate_id": req.plate_id,
        "compound_id": req.compound_id,
        "converged": True,
        "ic50": ic50,
        "ic50_se": float(perr[2]),
        "hill": hill,
        "span": top - bottom,
    }
