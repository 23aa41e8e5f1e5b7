"""Rental application screening: score applicants with a landlord-selected scorecard model.

Landlords on the Pro plan can upload their own scorecard (exported from our
notebook template as JSON coefficients) to the scorecards bucket and pick it per property.
"""
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass

import boto3
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from portal.auth import current_landlord
from screening.features import FEATURE_NAMES, build_features

router = APIRouter(prefix="/screening")
log = logging.getLogger("screening")

BUCKET = os.environ.get("SCORECARD_BUCKET", "hv-screening-scorecards")
s3 = boto3.client("s3")
_cache: dict = {}


class ScoreRequest(BaseModel):
    application_id: int
    scorecard: str = "default/v3.json"


@dataclass
class ScoreResult:
    application_id: int
    score: float
    decision: str


class LinearScorecard:
    def __init__(self, intercept: float, weights: dict):
        self.intercept = float(intercept)
        self.weights = [float(weights.get(name, 0.0)) for name in FEATURE_NAMES]

    def predict_proba(self, rows):
        out = []
        for row in rows:
            z = self.intercept + sum(w * x for w, x in zip(self.weights, row))
            p = 1.0 / (1.0 + math.exp(-z))
            out.append([1.0 - p, p])
        return out


def fetch_scorecard(key: str) -> str:
    fd, local = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    s3.download_file(BUCKET, key, local)
    return local


def load_model(local_path: str):
    with open(local_path, "rb") as fh:
        spec = json.load(fh)
    return LinearScorecard(spec["intercept"], spec["weights"])


def get_model(key: str):
    if key not in _cache:
        path = fetch_scorecard(key)
        try:
            _cache[key] = load_model(path)
        finally:
            os.unlink(path)
    return _cache[key]


@router.post("/score")
def score_application(req: ScoreRequest, landlord=Depends(current_landlord)):
    application = landlord.application(req.application_id)
    if application is None:
        raise HTTPException(status_code=404, detail="application not found")
    key = req.scorecard if req.scorecard.startswith("default/") else f"{landlord.id}/{req.scorecard}"
    try:
        model = get_model(key)
    except Exception:
        log.exception("could not load scorecard for landlord %s", landlord.id)
        raise HTTPException(status_code=422, detail="scorecard unavailable")

    features = build_features(application)
    score = float(model.predict_proba([features])[0][1])
    decision = "approve" if score >= 0.7 else "review" if score >= 0.4 else "decline"
    application.record_score(score, decision, scorecard=key)
    return ScoreResult(req.application_id, round(score, 4), decision)
