"""CI service endpoint that accepts pipeline definitions as YAML uploads."""
import logging
from typing import Any

import yaml
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel, Field

log = logging.getLogger("ci.pipelines")
app = FastAPI(title="pipeline-service")
MAX_UPLOAD = 256 * 1024


class Step(BaseModel):
    name: str
    image: str
    run: list[str] = Field(default_factory=list)


class Pipeline(BaseModel):
    name: str
    trigger: str = "push"
    steps: list[Step]


PIPELINES: dict[str, Pipeline] = {}


def to_pipeline(document: Any) -> Pipeline:
    if not isinstance(document, dict):
        raise HTTPException(status_code=422, detail="pipeline must be a mapping")
    try:
        return Pipeline(**document)
    except Exception as exc:
        raise HTTPException(status_code=422, detail="invalid pipeline definition") from exc


@app.post("/projects/{project}/pipeline")
async def upload_pipeline(project: str, file: UploadFile = File(...)):
    content = await file.read()
    if len(content) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="pipeline file too large")
    try:
        document = yaml.load(content, Loader=yaml.Loader)  # VULN
    except yaml.YAMLError as exc:
        raise HTTPException(status_code=400, detail="malformed YAML") from exc
    pipeline = to_pipeline(document)
    PIPELINES[project] = pipeline
    log.info("stored pipeline %r with %d steps", pipeline.name, len(pipeline.steps))
    return {"project": project, "pipeline": pipeline.name, "steps": len(pipeline.steps)}


@app.get("/projects/{project}/pipeline")
async def get_pipeline(project: str):
    pipeline = PIPELINES.get(project)
    if pipeline is None:
        raise HTTPException(status_code=404, detail="no pipeline configured")
    return pipeline
