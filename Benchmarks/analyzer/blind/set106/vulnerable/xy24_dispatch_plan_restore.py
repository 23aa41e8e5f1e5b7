"""Dispatch planner: save and restore a supervisor's draft day plan.

The planner SPA keeps the draft route (technicians, ordered job stops,
notes) client-side and posts it back here to restore it after a reload.
"""
import logging
from datetime import date
from typing import List

import jsonpickle
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

log = logging.getLogger("dispatch.planner")
app = FastAPI(title="dispatch planner")


class Stop(object):
    def __init__(self, job_id, eta, duration_min=45):
        self.job_id = job_id
        self.eta = eta
        self.duration_min = duration_min


class DraftPlan(object):
    def __init__(self, supervisor, day, routes=None):
        self.supervisor = supervisor
        self.day = day
        self.routes = routes or {}

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
        tech: [Stop(s["job_id"], s.get("eta"), s.get("duration_min", 45)) for s in stops]
        for tech, stops in req.routes.items()
    }
    plan = DraftPlan(req.supervisor, req.day, routes)
    return {"blob": jsonpickle.encode(plan), "summary": plan.summary()}


@app.post("/planner/draft/restore")
async def restore_draft(request: Request):
    raw = (await request.body()).decode("utf-8")
    try:
        plan = jsonpickle.decode(raw)  # VULN flow
    except Exception as exc:
        log.warning("could not restore draft: %r", exc)
        raise HTTPException(status_code=400, detail="invalid draft")
    if not isinstance(plan, DraftPlan):
        raise HTTPException(status_code=400, detail="not a draft plan")
    return plan.summary()


@app.get("/planner/health")
def health() -> dict:
    return {"ok": True}
