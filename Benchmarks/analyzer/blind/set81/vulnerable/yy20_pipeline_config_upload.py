"""Typesetting pipeline definitions: upload, validate and store YAML configs."""
import logging
import os
import re

import yaml
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("pipelines")

PIPELINE_DIR = os.environ.get("PIPELINE_DIR", "/srv/typeset/pipelines")
REQUIRED_STAGES = ("source", "typeset", "output")
KNOWN_ENGINES = {"lualatex", "xelatex", "pdflatex", "weasyprint", "paged.js"}
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_CONFIG = 256 * 1024


def parse_pipeline(text):
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("pipeline must be a mapping")
    stages = doc.get("stages") or {}
    missing = [s for s in REQUIRED_STAGES if s not in stages]
    if missing:
        raise ValueError(f"missing stages: {', '.join(missing)}")
    engine = stages["typeset"].get("engine")
    if engine not in KNOWN_ENGINES:
        raise ValueError("unknown typesetting engine")
    return doc


async def upload_pipeline(request):
    name = request.path_params["name"]
    if not NAME_RE.match(name):
        return JSONResponse({"error": "invalid pipeline name"}, status_code=400)
    raw = await request.body()
    if len(raw) > MAX_CONFIG:
        return JSONResponse({"error": "config too large"}, status_code=413)
    text = raw.decode("utf-8", errors="replace")
    try:
        pipeline = parse_pipeline(text)
    except (yaml.YAMLError, ValueError, AttributeError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=422)
    path = os.path.join(PIPELINE_DIR, f"{name}.yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    log.info("stored pipeline %s with %d stages", name, len(pipeline["stages"]))
    return JSONResponse({"name": name, "stages": list(pipeline["stages"])}, status_code=201)


async def list_pipelines(request):
    names = sorted(f[:-5] for f in os.listdir(PIPELINE_DIR) if f.endswith(".yaml"))
    return JSONResponse({"pipelines": names})


app = Starlette(routes=[
    Route("/pipelines", list_pipelines, methods=["GET"]),
    Route("/pipelines/{name}", upload_pipeline, methods=["PUT"]),
])
