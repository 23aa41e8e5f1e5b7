"""Dispatch planner: save and restore a supervisor's draft day plan.

The planner SPA keeps the draft route (technicians, ordered job stops,
notes) client-side and posts it back here to restore it after a reload.
"""
import json
import logging
from datetime import date
from typing import Dict, List, Optional

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, ValidationError

log = logging.getLogger("dispatch.planner")
app = FastAPI(title="dispatch planner")


class Stop(BaseModel):
    job_id: int
    eta: Optional[str] = None
    duration_min: int = 45


class DraftPlan(BaseModel):
    supervisor: str
    day: date
    routes: Dict[str, List[Stop]] = {}

    def summary(self):
        return {
            "supervisor": self.supervisor,
            "day": str(self.day),
            "technicians": len(self.routes),
            "stops": sum(len(v) for v in self.routes.values()),
        }


class SaveRequest(BaseModel):
    supervisor: str
    day: date
    routes: dict


@app.post("/planner/draft/export")
def export_draft(req: SaveRequest):
    routes = {
        tech: [Stop(job_id=s["job_id"], eta=s.get("eta"), duration_min=s.get("duration_min", 45)) for s in stops]
        for tech, stops in req.routes.items()
    }
    plan = DraftPlan(supervisor=req.supervisor, day=req.day, routes=routes)
    return {"blob": plan.json(), "summary": plan.summary()}


@app.post("/planner/draft/restore")
async def restore_draft(request: Request):
    raw = (await request.body()).decode("utf-8")
    try:
        plan = DraftPlan(**json.loads(raw))
    except (ValueError, TypeError, ValidationError) as exc:
        log.warning("could not restore draft: %r", exc)
        raise HTTPException(status_code=400, detail="invalid draft")
    if not isinstance(plan, DraftPlan):
        raise HTTPException(status_code=400, detail="not a draft plan")
    return plan.summary()


@app.get("/planner/health")
def health() -> dict:
    return {"ok": True}
