"""RQ jobs that score customer batches with a downloaded churn model."""
import logging
import os
import pickle
from typing import Dict, List

import requests
from redis import Redis
from rq import Queue, get_current_job

logger = logging.getLogger(__name__)

redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
queue = Queue("scoring", connection=redis_conn)
FEATURES = ("tenure_months", "monthly_spend", "support_tickets")
_MODEL_CACHE: Dict[str, object] = {}


def fetch_model(model_url: str):
    if model_url in _MODEL_CACHE:
        return _MODEL_CACHE[model_url]
    resp = requests.get(model_url, timeout=30)  # VULN flow
    resp.raise_for_status()
    model = pickle.loads(resp.content)  # VULN flow
    _MODEL_CACHE[model_url] = model
    return model


def feature_rows(customers: List[dict]) -> List[List[float]]:
    return [[float(customer.get(name, 0)) for name in FEATURES] for customer in customers]


def score_batch(model_url: str, customers: List[dict]) -> Dict[str, float]:
    job = get_current_job()
    model = fetch_model(model_url)
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
        payload["model_url"],
        customers,
        job_timeout=600,
        result_ttl=3600,
    )
