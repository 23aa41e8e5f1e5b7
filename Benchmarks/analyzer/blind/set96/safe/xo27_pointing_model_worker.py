"""Pointing-model fitting worker.

Users submit pointing-model jobs through the telescope portal; each job names
the model to start from (``model_url``, normally on the shared model store) and
the star measurements to fit. The worker pulls jobs from Redis.
"""
import io
import json
import logging
import os
from urllib.parse import urlsplit

import numpy as np
import redis
import requests

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
JOB_QUEUE = "pointing:jobs"
RESULTS = "pointing:results"
MODEL_STORE = "https://models.obs.internal/pointing/"
MODEL_HOST = "models.obs.internal"

log = logging.getLogger("pointing_worker")


class PointingModel:
    TERMS = ("IA", "IE", "NPAE", "CA", "AN", "AW")

    def __init__(self, coeffs=None):
        self.coeffs = dict.fromkeys(self.TERMS, 0.0)
        self.coeffs.update(coeffs or {})

    def fit(self, az, el, d_az, d_el) -> float:
        """Least-squares fit of the basic alt-az terms; returns rms in arcsec."""
        az, el = np.radians(az), np.radians(el)
        zeros, ones = np.zeros_like(az), np.ones_like(az)
        a_az = np.column_stack([-np.cos(el), zeros, np.sin(el), ones,
                                -np.sin(az) * np.sin(el), -np.cos(az) * np.sin(el)])
        a_el = np.column_stack([zeros, ones, zeros, zeros, np.cos(az), -np.sin(az)])
        design = np.vstack([a_az, a_el])
        rhs = np.concatenate([np.asarray(d_az) * np.cos(el), d_el])
        sol, *_ = np.linalg.lstsq(design, rhs, rcond=None)
        self.coeffs = dict(zip(self.TERMS, map(float, sol)))
        resid = rhs - design @ sol
        return float(np.sqrt(np.mean(resid ** 2)))


def fetch_model(url: str) -> PointingModel:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname != MODEL_HOST or not parts.path.startswith("/pointing/"):
        raise ValueError("model must come from the shared model store")
    resp = requests.get(url, timeout=20, allow_redirects=False)
    resp.raise_for_status()
    data = np.load(io.BytesIO(resp.content), allow_pickle=False)
    model = PointingModel({t: float(data[t]) for t in PointingModel.TERMS if t in data.files})
    if not isinstance(model, PointingModel):
        raise ValueError("not a pointing model")
    return model


def handle(job: dict) -> dict:
    model_url = job.get("model_url") or MODEL_STORE + "default.npz"
    model = fetch_model(model_url)
    pts = np.asarray(job["points"], dtype=float)
    if pts.ndim != 2 or pts.shape[1] != 4 or len(pts) < 6:
        raise ValueError("need at least 6 rows of az, el, d_az, d_el")
    rms = model.fit(pts[:, 0], pts[:, 1], pts[:, 2], pts[:, 3])
    return {"job_id": job["job_id"], "rms_arcsec": rms, "coeffs": model.coeffs}


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(REDIS_URL)
    while True:
        item = r.blpop(JOB_QUEUE, timeout=30)
        if item is None:
            continue
        job = json.loads(item[1])
        try:
            result = handle(job)
        except (requests.RequestException, ValueError, KeyError) as exc:
            log.error("job %r failed: %r", job.get("job_id"), exc)
            result = {"job_id": job.get("job_id"), "error": "fit failed"}
        r.hset(RESULTS, str(job.get("job_id")), json.dumps(result))


if __name__ == "__main__":
    main()
