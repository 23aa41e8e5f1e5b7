"""Upload endpoint for user-defined ETL pipeline definitions (FastAPI)."""
import logging
from typing import Any, Dict, List

import yaml
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(title="pipeline-registry")
log = logging.getLogger("pipelines")

REQUIRED_KEYS = {"name", "source", "steps"}
KNOWN_STEPS = {"filter", "rename", "cast", "dedupe", "aggregate"}
MAX_UPLOAD = 256 * 1024

_registry: Dict[str, Dict[str, Any]] = {}


def parse_definition(text: str) -> Dict[str, Any]:
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("pipeline definition must be a mapping")
    return doc


def validate(doc: Dict[str, Any]) -> List[str]:
    problems = []
    missing = REQUIRED_KEYS - set(doc)
    if missing:
        problems.append(f"missing keys: {sorted(missing)}")
    for i, step in enumerate(doc.get("steps") or []):
        kind = step.get("type") if isinstance(step, dict) else None
        if kind not in KNOWN_STEPS:
            problems.append(f"step {i}: unknown type {kind!r}")
    return problems


@app.post("/pipelines")
async def upload_pipeline(definition: UploadFile = File(...)):
    raw = await definition.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="definition too large")
    try:
        doc = parse_definition(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        raise HTTPException(status_code=400, detail=f"cannot parse definition: {type(exc).__name__}")
    problems = validate(doc)
    if problems:
        raise HTTPException(status_code=422, detail=problems)
    _registry[str(doc["name"])] = doc
    log.info("registered pipeline %r with %d steps", doc["name"], len(doc["steps"]))
    return {"name": doc["name"], "steps": len(doc["steps"])}


@app.get("/pipelines")
def list_pipelines():
    return sorted(_registry)
