"""Experiment submission API: accepts YAML experiment specs from the `exp` CLI."""
import logging
import uuid

import yaml
from aiohttp import web

log = logging.getLogger("experiments.api")

REQUIRED_KEYS = ("name", "entrypoint", "params")
MAX_SPEC_BYTES = 256 * 1024


class SpecError(ValueError):
    pass


def parse_spec(text: str) -> dict:
    spec = yaml.safe_load(text)
    if not isinstance(spec, dict):
        raise SpecError("experiment spec must be a mapping")
    missing = [key for key in REQUIRED_KEYS if key not in spec]
    if missing:
        raise SpecError(f"missing keys: {', '.join(missing)}")
    if not isinstance(spec["params"], dict):
        raise SpecError("params must be a mapping")
    spec.setdefault("resources", {"gpus": 0, "memory": "4Gi"})
    return spec


async def submit_experiment(request: web.Request) -> web.Response:
    body = await request.text()
    try:
        spec = parse_spec(body)
    except (SpecError, yaml.YAMLError) as exc:
        return web.json_response({"error": str(exc)}, status=400)

    exp_id = uuid.uuid4().hex[:12]
    request.app["experiments"][exp_id] = {"spec": spec, "status": "queued"}
    log.info("queued experiment %r as %s", spec["name"], exp_id)
    return web.json_response({"id": exp_id, "status": "queued"}, status=201)


async def get_experiment(request: web.Request) -> web.Response:
    exp = request.app["experiments"].get(request.match_info["exp_id"])
    if exp is None:
        raise web.HTTPNotFound()
    spec = exp["spec"]
    return web.json_response({
        "name": str(spec["name"]),
        "entrypoint": str(spec["entrypoint"]),
        "status": exp["status"],
    })


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_SPEC_BYTES)
    app["experiments"] = {}
    app.add_routes([
        web.post("/experiments", submit_experiment),
        web.get("/experiments/{exp_id}", get_experiment),
    ])
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
