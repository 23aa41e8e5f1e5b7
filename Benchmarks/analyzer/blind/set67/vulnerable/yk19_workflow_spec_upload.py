"""Accepts YAML workflow specs from analysts and queues them for the pipeline runner."""
import json
import logging
import os
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List

import redis
import yaml
from fastapi import FastAPI, File, Form, HTTPException, UploadFile

app = FastAPI(title="workflow-intake")
log = logging.getLogger("workflow-intake")
queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))

KNOWN_TOOLS = {"fastqc", "bwa_mem", "samtools_sort", "gatk_haplotypecaller", "vep", "multiqc"}
MAX_SPEC_BYTES = 256 * 1024


class SpecError(ValueError):
    pass


@dataclass
class Step:
    name: str
    tool: str
    params: Dict[str, Any] = field(default_factory=dict)


@dataclass
class WorkflowSpec:
    name: str
    reference: str
    steps: List[Step]


def parse_spec(raw: bytes) -> WorkflowSpec:
    text = raw.decode("utf-8")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list):
        raise SpecError("spec must be a mapping with a 'steps' list")
    steps = []
    for i, item in enumerate(doc["steps"]):
        tool = item.get("tool")
        if tool not in KNOWN_TOOLS:
            raise SpecError(f"step {i}: unknown tool {tool!r}")
        steps.append(Step(name=str(item.get("name", f"step{i}")), tool=tool, params=dict(item.get("params", {}))))
    return WorkflowSpec(name=str(doc.get("name", "unnamed")), reference=str(doc.get("reference", "GRCh38")), steps=steps)


def enqueue(project: str, spec: WorkflowSpec) -> str:
    run_id = uuid.uuid4().hex
    queue.rpush("pipeline:runs", json.dumps({"run_id": run_id, "project": project, "spec": asdict(spec)}))
    return run_id


@app.post("/workflows", status_code=201)
async def submit_workflow(file: UploadFile = File(...), project: str = Form(...)):
    raw = await file.read()
    if len(raw) > MAX_SPEC_BYTES:
        raise HTTPException(status_code=413, detail="spec too large")
    try:
        spec = parse_spec(raw)
    except (yaml.YAMLError, SpecError, UnicodeDecodeError, AttributeError) as exc:
        raise HTTPException(status_code=400, detail=f"invalid workflow spec: {exc}")
    run_id = enqueue(project, spec)
    log.info("queued run %s for project %r (%d steps)", run_id, project, len(spec.steps))
    return {"run_id": run_id, "steps": [s.name for s in spec.steps]}
