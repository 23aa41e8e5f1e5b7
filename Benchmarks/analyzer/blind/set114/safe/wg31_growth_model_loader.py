"""Worker that scores juvenile animals against a growth-curve model.

Jobs arrive on the Redis list ``growth:jobs`` from the husbandry web app:
``{"job_id": ..., "model_url": ..., "animals": [{"id":..., "age_days":..., "weight_kg":...}]}``.
Results are written back to ``growth:results:<job_id>``.
"""
import json
import logging
import math
import os
from functools import lru_cache
from urllib.parse import urlparse

import redis
import requests

log = logging.getLogger("growth_worker")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
MODEL_TIMEOUT = 30
MODEL_REGISTRY_HOST = "models.husbandry.zoo.internal"


class GompertzModel:
    """Growth curve w(t) = A * exp(-b * exp(-k * t)), coefficients from the registry."""

    def __init__(self, a: float, b: float, k: float):
        self.a, self.b, self.k = a, b, k

    def predict(self, rows):
        return [self.a * math.exp(-self.b * math.exp(-self.k * row[0])) for row in rows]


class ModelCache:
    def __init__(self):
        self._models: dict[str, object] = {}

    def get(self, url: str):
        if url not in self._models:
            self._models[url] = self._load(url)
        return self._models[url]

    @staticmethod
    def _load(url: str):
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname != MODEL_REGISTRY_HOST:
            raise ValueError(f"model must come from {MODEL_REGISTRY_HOST}")
        resp = requests.get(url, timeout=MODEL_TIMEOUT, allow_redirects=False)
        resp.raise_for_status()
        blob = resp.content
        params = json.loads(blob)
        return GompertzModel(float(params["a"]), float(params["b"]), float(params["k"]))


@lru_cache(maxsize=1)
def models() -> ModelCache:
    return ModelCache()


def score(job: dict) -> list[dict]:
    model = models().get(job["model_url"])
    out = []
    for a in job["animals"]:
        expected = float(model.predict([[a["age_days"]]])[0])
        ratio = a["weight_kg"] / expected if expected else None
        out.append({"id": a["id"], "expected_kg": round(expected, 3),
                    "ratio": round(ratio, 3) if ratio else None,
                    "flag": ratio is not None and ratio < 0.85})
    return out


def run() -> None:
    r = redis.Redis.from_url(REDIS_URL)
    log.info("growth worker listening")
    while True:
        _, raw = r.blpop("growth:jobs")
        try:
            job = json.loads(raw)
            result = score(job)
        except Exception:
            log.exception("job failed")
            continue
        r.set(f"growth:results:{job['job_id']}", json.dumps(result), ex=86400)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
