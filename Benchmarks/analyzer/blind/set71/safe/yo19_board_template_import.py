"""Import kanban board templates shared as YAML files.

Teams publish templates ("Sprint board", "Bug triage", ...) in the
template gallery; anyone can upload one and others can import it.
"""
import logging
from typing import List

import yaml
from fastapi import APIRouter, File, HTTPException, UploadFile
from pydantic import BaseModel, ValidationError

router = APIRouter(prefix="/templates")
log = logging.getLogger("kanban.templates")
MAX_TEMPLATE = 256 * 1024


class ColumnSpec(BaseModel):
    name: str
    wip_limit: int = 0


class TemplateSpec(BaseModel):
    name: str
    description: str = ""
    columns: List[ColumnSpec]
    labels: List[str] = []


def parse_template(text: str) -> TemplateSpec:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict) or "board" not in doc:
        raise HTTPException(status_code=422, detail="template must have a top-level 'board' key")
    try:
        return TemplateSpec(**doc["board"])
    except ValidationError as exc:
        raise HTTPException(status_code=422, detail=exc.errors())


class TemplateGallery:
    def __init__(self):
        self.items = {}

    def add(self, spec: TemplateSpec) -> str:
        key = spec.name.lower().replace(" ", "-")
        self.items[key] = spec
        return key


gallery = TemplateGallery()


@router.post("/upload")
async def upload_template(file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_TEMPLATE:
        raise HTTPException(status_code=413, detail="template too large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(status_code=400, detail="template must be UTF-8")
    spec = parse_template(text)
    key = gallery.add(spec)
    log.info("template uploaded with %d columns", len(spec.columns))
    return {"key": key, "columns": [c.name for c in spec.columns]}


@router.get("/{key}")
def get_template(key: str):
    spec = gallery.items.get(key)
    if spec is None:
        raise HTTPException(status_code=404, detail="no such template")
    return spec
