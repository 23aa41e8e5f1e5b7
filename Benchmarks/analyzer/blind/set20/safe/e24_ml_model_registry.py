"""Evaluation worker for the forecasting challenge: scores participant checkpoints.

Participants upload a checkpoint plus a calibration array through the submission
portal; the portal drops a job on the Redis queue with the stored file paths.
"""
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import redis
import torch

log = logging.getLogger("eval-worker")
QUEUE = "challenge:submissions"
RESULTS = "challenge:scores"
SUBMISSION_ROOT = Path(os.environ.get("SUBMISSION_ROOT", "/data/submissions"))


@dataclass
class Submission:
    team: str
    checkpoint: Path
    calibration: Path

    @classmethod
    def from_job(cls, payload: bytes) -> "Submission":
        job = json.loads(payload)
        base = SUBMISSION_ROOT / job["team"]
        return cls(team=job["team"], checkpoint=base / "model.pt", calibration=base / "calib.npy")


class ModelLoader:
    def __init__(self, device: str = "cpu"):
        self.device = device

    def load_checkpoint(self, path: Path) -> dict:
        return torch.load(path, map_location=self.device, weights_only=True)

    def load_calibration(self, path: Path) -> np.ndarray:
        return np.load(path, allow_pickle=False)


class Evaluator:
    def __init__(self, loader: ModelLoader, holdout: np.ndarray, model_factory):
        self.loader = loader
        self.holdout = torch.from_numpy(holdout).float()
        self.model_factory = model_factory

    def score(self, sub: Submission) -> float:
        state = self.loader.load_checkpoint(sub.checkpoint)
        model = self.model_factory()
        model.load_state_dict(state)
        model.eval()
        scale = torch.from_numpy(self.loader.load_calibration(sub.calibration)).float()
        with torch.no_grad():
            pred = model(self.holdout[:, :-1]) * scale
        return float(torch.mean((pred.squeeze(-1) - self.holdout[:, -1]) ** 2))


def run_worker(r: redis.Redis, evaluator: Evaluator) -> None:
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, payload = item
        try:
            sub = Submission.from_job(payload)
            started = time.monotonic()
            mse = evaluator.score(sub)
            r.hset(RESULTS, sub.team, json.dumps({"mse": mse, "secs": time.monotonic() - started}))
            log.info("scored %r: %.5f", sub.team, mse)
        except Exception:
            log.exception("evaluation failed for payload %r", payload[:200])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    holdout = np.load(os.environ.get("HOLDOUT_PATH", "/data/holdout.npy"))
    model_factory = lambda: torch.nn.Sequential(torch.nn.Linear(holdout.shape[1] - 1, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
    run_worker(redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")), Evaluator(ModelLoader(), holdout, model_factory))
