"""Score test flakiness for the "flaky tests" dashboard.

Each project's nightly pipeline trains a small model on its own test history
and uploads it as the `flaky-model.json` artifact (logistic regression weights); this service loads the most
recent one per project and scores incoming test results.
"""
import json
import logging
import math
import os
import tempfile
from typing import Dict, List

import requests

log = logging.getLogger("flaky.scorer")

ARTIFACT_API = os.environ.get("ARTIFACT_API", "https://ci.example.com/api/v4")
API_TOKEN = os.environ.get("CI_API_TOKEN", "")
MODEL_ARTIFACT = "flaky-model.json"
FEATURES = ["duration_ms", "retries", "recent_failures", "recent_passes", "is_integration"]


class ArtifactClient:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["PRIVATE-TOKEN"] = token

    def download(self, project_id: int, artifact: str) -> str:
        url = f"{self.base_url}/projects/{project_id}/jobs/artifacts/main/raw/{artifact}"
        resp = self.session.get(url, params={"job": "train-flaky-model"}, timeout=60)
        resp.raise_for_status()
        fd, path = tempfile.mkstemp(suffix=os.path.splitext(artifact)[1])
        with os.fdopen(fd, "wb") as fh:
            fh.write(resp.content)
        return path


class LogisticModel:
    def __init__(self, weights: List[float], bias: float) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError("model does not match feature set")
        self.weights = [float(w) for w in weights]
        self.bias = float(bias)

    @classmethod
    def from_json(cls, data: dict) -> "LogisticModel":
        return cls(data["weights"], data.get("bias", 0.0))

    def predict_proba(self, rows: List[List[float]]) -> List[List[float]]:
        out = []
        for row in rows:
            z = self.bias + sum(w * x for w, x in zip(self.weights, row))
            p = 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
            out.append([1.0 - p, p])
        return out


class FlakyScorer:
    def __init__(self, model) -> None:
        self.model = model

    @classmethod
    def from_artifact(cls, project_id: int, client: ArtifactClient) -> "FlakyScorer":
        blob_path = client.download(project_id, MODEL_ARTIFACT)
        try:
            with open(blob_path, "rb") as fh:
                model = LogisticModel.from_json(json.load(fh))
        finally:
            os.unlink(blob_path)
        return cls(model)

    def score(self, results: List[Dict[str, float]]) -> List[float]:
        rows = [[float(r.get(name, 0.0)) for name in FEATURES] for r in results]
        return [float(p[1]) for p in self.model.predict_proba(rows)]


_scorers: Dict[int, FlakyScorer] = {}


def score_project(project_id: int, results: List[Dict[str, float]]) -> List[float]:
    scorer = _scorers.get(project_id)
    if scorer is None:
        client = ArtifactClient(ARTIFACT_API, API_TOKEN)
        scorer = FlakyScorer.from_artifact(project_id, client)
        _scorers[project_id] = scorer
        log.info("loaded flakiness model for project %d", project_id)
    return scorer.score(results)
