"""Route planners upload YAML round plans which are validated and queued for the optimiser."""
import logging
from datetime import date
from typing import List

import yaml
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel, ValidationError

log = logging.getLogger("route_plans")
app = FastAPI(title="route-plan-intake")

MAX_PLAN_BYTES = 512 * 1024
PLAN_QUEUE: List["RoundPlan"] = []


class Stop(BaseModel):
    uprn: str
    stream: str
    bins: int = 1
    time_window: str = ""


class RoundPlan(BaseModel):
    round_code: str
    depot: str
    run_date: date
    vehicle_class: str
    capacity_kg: int
    stops: List[Stop]


def read_plan_document(text: str) -> dict:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ValueError("plan must be a mapping at top level")
    return doc.get("plan", doc)


def to_round_plan(doc: dict) -> RoundPlan:
    plan = RoundPlan(**doc)
    if not plan.stops:
        raise ValueError("plan has no stops")
    return plan


@app.post("/plans", status_code=202)
async def upload_plan(file: UploadFile = File(...)):
    raw = await file.read()
    if len(raw) > MAX_PLAN_BYTES:
        raise HTTPException(status_code=413, detail="plan too large")
    try:
        text = raw.decode("utf-8")
        plan = to_round_plan(read_plan_document(text))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, ValidationError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=f"invalid plan: {exc}")
    PLAN_QUEUE.append(plan)
    log.info("queued round %r for %s (%d stops)", plan.round_code, plan.run_date, len(plan.stops))
    return {"queued": plan.round_code, "position": len(PLAN_QUEUE)}


@app.get("/plans/queue")
def queue_status():
    return [{"round_code": p.round_code, "run_date": p.run_date, "stops": len(p.stops)} for p in PLAN_QUEUE]
