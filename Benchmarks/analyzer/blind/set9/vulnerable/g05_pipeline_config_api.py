"""Pipeline configuration service: teams upload YAML pipeline definitions."""
import json
import logging
import os
from typing import Any, Dict, List, Optional

import yaml
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="pipeline-config")
logger = logging.getLogger(__name__)

_PIPELINES: Dict[str, Dict[str, Any]] = {}
TEAM_TOKENS: Dict[str, str] = json.loads(os.environ.get("PIPELINE_TEAM_TOKENS", "{}"))


class PipelineSummary(BaseModel):
    name: str
    team: str
    stages: List[str]
    schedule: Optional[str] = None


async def current_team(x_team_token: str = Header(...)) -> str:
    team = TEAM_TOKENS.get(x_team_token)
    if team is None:
        raise HTTPException(status_code=401, detail="invalid team token")
    return team


def parse_definition(raw: bytes) -> dict:
    """Parse an uploaded pipeline definition into a dict."""
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "name" not in doc:
        raise ValueError("pipeline definition must be a mapping with a name")
    return doc


@app.post("/pipelines", response_model=PipelineSummary)
async def upload_pipeline(file: UploadFile = File(...), team: str = Depends(current_team)):
    raw = await file.read()
    try:
        doc = parse_definition(raw)
    except (yaml.YAMLError, ValueError) as exc:
        raise HTTPException(status_code=422, detail="invalid pipeline definition") from exc

    stages = [str(s.get("name", "unnamed")) for s in doc.get("stages", []) if isinstance(s, dict)]
    summary = PipelineSummary(
        name=str(doc["name"]), team=team, stages=stages, schedule=doc.get("schedule")
    )
    _PIPELINES[f"{team}/{summary.name}"] = doc
    logger.info("stored pipeline with %d stages", len(stages))
    return summary


@app.get("/pipelines", response_model=List[str])
async def list_pipelines(team: str = Depends(current_team)):
    return sorted(k for k in _PIPELINES if k.startswith(f"{team}/"))
