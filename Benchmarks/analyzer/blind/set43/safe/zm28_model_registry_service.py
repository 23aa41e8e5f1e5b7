"""aiohttp model registry: data scientists upload trained models, apps call /predict.

Models are uploaded as ONNX graphs and executed with onnxruntime.
"""
import asyncio
import logging
import os
import re

import numpy as np
import onnxruntime as ort
from aiohttp import web

log = logging.getLogger("model-registry")

MODEL_DIR = os.path.realpath(os.environ.get("MODEL_DIR", "/srv/models"))
MAX_MODEL_BYTES = 200 * 1024 * 1024
MODEL_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.onnx$")


class ModelCache:
    def __init__(self, root: str):
        self.root = root
        self._models = {}

    def path(self, name: str) -> str:
        if not MODEL_NAME_RE.match(name):
            raise web.HTTPBadRequest(text="invalid model name")
        candidate = os.path.realpath(os.path.join(self.root, name))
        if os.path.dirname(candidate) != self.root:
            raise web.HTTPBadRequest(text="invalid model name")
        return candidate

    def load(self, name: str):
        if name not in self._models:
            path = self.path(name)
            if not os.path.isfile(path):
                raise FileNotFoundError(name)
            self._models[name] = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        return self._models[name]

    def evict(self, name: str) -> None:
        self._models.pop(name, None)


cache = ModelCache(MODEL_DIR)


async def upload_model(request: web.Request) -> web.Response:
    reader = await request.multipart()
    part = await reader.next()
    if part is None or part.name != "model":
        raise web.HTTPBadRequest(text="expected multipart field 'model'")
    filename = os.path.basename(part.filename or "model.onnx")
    dest = cache.path(filename)
    size = 0
    with open(dest, "wb") as fh:
        while chunk := await part.read_chunk():
            size += len(chunk)
            if size > MAX_MODEL_BYTES:
                raise web.HTTPRequestEntityTooLarge(max_size=MAX_MODEL_BYTES, actual_size=size)
            fh.write(chunk)
    cache.evict(filename)
    log.info("stored model %r (%d bytes)", filename, size)
    return web.json_response({"model": filename, "bytes": size}, status=201)


def _run(session, features: list):
    inputs = {session.get_inputs()[0].name: np.asarray(features, dtype=np.float32)}
    return session.run(None, inputs)[0].ravel()


async def predict(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    body = await request.json()
    features = body.get("features")
    if not isinstance(features, list):
        raise web.HTTPBadRequest(text="'features' must be a list of rows")
    try:
        model = await asyncio.to_thread(cache.load, name)
    except FileNotFoundError:
        raise web.HTTPNotFound(text="unknown model")
    preds = await asyncio.to_thread(_run, model, features)
    return web.json_response({"model": name, "predictions": [float(p) for p in preds]})


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_MODEL_BYTES + 1024)
    app.router.add_post("/models", upload_model)
    app.router.add_post("/models/{name}/predict", predict)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8095)
