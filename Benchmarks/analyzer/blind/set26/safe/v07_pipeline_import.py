"""CI service endpoint that imports pipeline definitions written in YAML."""
from typing import List, Optional

import yaml
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, ValidationError

app = FastAPI(title="pipelines")
MAX_BODY = 256 * 1024
PIPELINES = {}


class Step(BaseModel):
    name: str
    image: str
    run: List[str]
    timeout_minutes: int = 30


class Pipeline(BaseModel):
    name: str
    trigger: str = "push"
    branches: List[str] = ["main"]
    steps: List[Step]
    notify: Optional[str] = None


def project_id(x_project_id: int = Header(...)) -> int:
    if x_project_id <= 0:
        raise HTTPException(status_code=400, detail="bad project id")
    return x_project_id


@app.post("/pipelines/import", status_code=201)
async def import_pipeline(request: Request, project: int = Depends(project_id)):
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(status_code=413, detail="definition too large")
    try:
        document = yaml.load(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise HTTPException(status_code=400, detail="invalid YAML")
    if not isinstance(document, dict):
        raise HTTPException(status_code=400, detail="top level must be a mapping")
    try:
        pipeline = Pipeline(**document)
    except (ValidationError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    PIPELINES.setdefault(project, {})[pipeline.name] = pipeline
    return {"project": project, "pipeline": pipeline.name, "steps": len(pipeline.steps)}


@app.get("/pipelines")
def list_pipelines(project: int = Depends(project_id)):
    return {"pipelines": sorted(PIPELINES.get(project, {}))}
