"""RQ jobs that score customer batches with a downloaded churn model."""
import logging
import math
import os
from dataclasses import dataclass
from typing import Dict, List, Tuple

import requests
from redis import Redis
from rq import Queue, get_current_job

logger = logging.getLogger(__name__)

redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
queue = Queue("scoring", connection=redis_conn)
FEATURES = ("tenure_months", "monthly_spend", "support_tickets")
MODEL_REGISTRY = os.environ.get("MODEL_REGISTRY_URL", "https://models.internal.example.com")
PUBLISHED_MODELS = frozenset({"churn-v3", "churn-v4"})


@dataclass(frozen=True)
class LogisticModel:
    intercept: float
    weights: Tuple[float, ...]

    def predict_proba(self, rows: List[List[float]]) -> List[List[float]]:
        probabilities = []
        for row in rows:
            z = self.intercept + sum(w * x for w, x in zip(self.weights, row))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            probabilities.append([1.0 - p, p])
        return probabilities


_MODEL_CACHE: Dict[str, LogisticModel] = {}


def fetch_model(model_name: str) -> LogisticModel:
    if model_name not in PUBLISHED_MODELS:
        raise ValueError(f"unknown model {model_name!r}")
    if model_name in _MODEL_CACHE:
        return _MODEL_CACHE[model_name]
    resp = requests.get(f"{MODEL_REGISTRY}/models/{model_name}.json", timeout=30)
    resp.raise_for_status()
    spec = resp.json()
    model = LogisticModel(float(spec["intercept"]), tuple(float(w) for w in spec["weights"]))
    _MODEL_CACHE[model_name] = model
    return model


def feature_rows(customers: List[dict]) -> List[List[float]]:
    return [[float(customer.get(name, 0)) for name in FEATURES] for customer in customers]


def score_batch(model_name: str, customers: List[dict]) -> Dict[str, float]:
    job = get_current_job()
    model = fetch_model(model_name)
    probabilities = model.predict_proba(feature_rows(customers))
    results = {
        str(customer["id"]): round(float(proba[1]), 4)
        for customer, proba in zip(customers, probabilities)
    }
    if job is not None:
        job.meta["scored"] = len(results)
        job.save_meta()
    logger.info("scored %d customers", len(results))
    return results


def enqueue_scoring(payload: dict):
    """Called by the analytics API with the JSON body submitted by analysts."""
    customers = payload.get("customers") or []
    if not isinstance(customers, list) or len(customers) > 10_000:
        raise ValueError("customers must be a list of at most 10000 records")
    return queue.enqueue(
        score_batch,
        payload["model_name"],
        customers,
        job_timeout=600,
        result_ttl=3600,
    )
