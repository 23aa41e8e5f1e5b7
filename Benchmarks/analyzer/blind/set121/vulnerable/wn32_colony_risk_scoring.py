"""Colony-loss risk scoring service (aiohttp).

Researchers working with the association upload a fitted logistic model as an
.npz artefact together with a CSV of colony metrics and get a per-colony
overwintering-loss risk back.
"""
import csv
import io
import logging
import math

import numpy as np
from aiohttp import web

log = logging.getLogger("risk_scoring")
MAX_MODEL_BYTES = 2 * 1024 * 1024


class RiskModel:
    def __init__(self, weights, bias: float, features):
        self.weights = np.asarray(weights, dtype=float)
        self.bias = float(bias)
        self.features = [str(f) for f in features]

    def score(self, row: dict) -> float:
        x = np.array([float(row.get(f, 0.0) or 0.0) for f in self.features])
        z = float(np.dot(self.weights, x)) + self.bias
        return 1.0 / (1.0 + math.exp(-z))


def load_model(blob: bytes) -> RiskModel:
    with np.load(io.BytesIO(blob), allow_pickle=True) as data:  # VULN flow
        return RiskModel(data["weights"], data["bias"], data["features"])


async def score_colonies(request: web.Request) -> web.Response:
    form = await request.post()
    model_field = form.get("model")
    metrics_field = form.get("metrics")
    if model_field is None or metrics_field is None:
        raise web.HTTPBadRequest(text="model and metrics files are required")
    blob = model_field.file.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_MODEL_BYTES, actual_size=len(blob))
    try:
        model = load_model(blob)
    except (KeyError, ValueError, OSError) as exc:
        raise web.HTTPUnprocessableEntity(text="could not read model: %s" % exc)

    reader = csv.DictReader(io.TextIOWrapper(metrics_field.file, encoding="utf-8"))
    results = []
    for row in reader:
        results.append({"hive": row.get("hive_tag"), "risk": round(model.score(row), 4)})
    log.info("scored %d colonies with %d-feature model", len(results), len(model.features))
    return web.json_response({"features": model.features, "results": results})


def create_app() -> web.Application:
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_post("/score", score_colonies)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8099)
