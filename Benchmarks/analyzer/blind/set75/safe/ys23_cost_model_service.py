"""Conceptual cost prediction service (Starlette).

The data team trains cost-per-m2 models offline and uploads them here; the
bid tool calls /predict with the parameters of an early-stage scheme.
"""
import json
import logging
import re
from typing import Dict

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("costmodel")
MODELS = {}
NAME_RE = re.compile(r"^[a-z0-9_-]{3,40}$")
FEATURES = ("gross_floor_area", "storeys", "basement_levels", "facade_ratio", "region_index")


class LinearCostModel:
    def __init__(self, intercept: float, coefficients: Dict[str, float]):
        self.intercept = float(intercept)
        self.coef = [float(coefficients.get(f, 0.0)) for f in FEATURES]

    def predict(self, rows):
        return [self.intercept + sum(c * x for c, x in zip(self.coef, row)) for row in rows]


class ModelRegistry:
    def __init__(self, store: dict):
        self.store = store

    def register(self, name: str, blob: bytes) -> None:
        spec = json.loads(blob)
        if not isinstance(spec, dict) or "coefficients" not in spec:
            raise ValueError("uploaded spec has no coefficients")
        self.store[name] = LinearCostModel(spec.get("intercept", 0.0), spec["coefficients"])

    def predict(self, name: str, features: dict) -> float:
        model = self.store[name]
        row = [float(features.get(f, 0.0)) for f in FEATURES]
        return float(model.predict([row])[0])


registry = ModelRegistry(MODELS)


async def upload_model(request: Request) -> JSONResponse:
    name = request.path_params["name"]
    if not NAME_RE.match(name):
        return JSONResponse({"error": "bad model name"}, status_code=400)
    form = await request.form()
    upload = form.get("model")
    if upload is None:
        return JSONResponse({"error": "model file missing"}, status_code=400)
    blob = await upload.read()
    try:
        registry.register(name, blob)
    except Exception as exc:
        log.warning("model upload %r rejected: %r", name, exc)
        return JSONResponse({"error": "could not load model"}, status_code=422)
    log.info("registered cost model %r (%d bytes)", name, len(blob))
    return JSONResponse({"model": name, "status": "registered"}, status_code=201)


async def predict(request: Request) -> JSONResponse:
    name = request.path_params["name"]
    if name not in MODELS:
        return JSONResponse({"error": "unknown model"}, status_code=404)
    features = await request.json()
    cost_per_m2 = registry.predict(name, features)
    gfa = float(features.get("gross_floor_area", 0.0))
    return JSONResponse({
        "model": name,
        "cost_per_m2": round(cost_per_m2, 2),
        "estimate": round(cost_per_m2 * gfa, 0),
    })


app = Starlette(routes=[
    Route("/models/{name}", upload_model, methods=["PUT"]),
    Route("/models/{name}/predict", predict, methods=["POST"]),
])
