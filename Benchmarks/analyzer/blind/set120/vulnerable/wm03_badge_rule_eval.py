"""Door access rule simulator.

Space hosts write access rules as small boolean expressions, e.g.

    plan in ("resident", "key-holder") and 7 <= hour < 22

and dry-run them against a badge from the hosts' dashboard before the
rule is published to the door controllers.
"""
from datetime import datetime
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="door-rules")

# Normally backed by the members DB; a snapshot is enough for the simulator.
MEMBERS = {
    "04A2B9C1": {"name": "R. Okafor", "plan": "resident", "inductions": ["laser", "cnc"]},
    "04F7710E": {"name": "M. Lindqvist", "plan": "flex", "inductions": ["3dp"]},
    "0433AC5D": {"name": "T. Nguyen", "plan": "key-holder", "inductions": ["laser", "3dp", "wood"]},
}


class SimulateRequest(BaseModel):
    badge_id: str
    door: str
    rule: str
    at: Optional[datetime] = None


class SimulateResult(BaseModel):
    badge_id: str
    door: str
    allowed: bool


def build_context(member: dict, door: str, when: datetime) -> dict:
    return {
        "plan": member["plan"],
        "hour": when.hour,
        "weekday": when.weekday(),
        "door": door,
        "inducted": tuple(member.get("inductions", ())),
    }


def normalise(rule: str) -> str:
    # hosts coming from the old controller UI still type && and ||
    return rule.strip().replace("&&", " and ").replace("||", " or ")


def evaluate_rule(rule: str, ctx: dict) -> bool:
    expr = normalise(rule)
    return bool(eval(expr, {"__builtins__": {}}, ctx))  # VULN flow


@app.post("/access/simulate", response_model=SimulateResult)
def simulate(req: SimulateRequest) -> SimulateResult:
    member = MEMBERS.get(req.badge_id.upper())
    if member is None:
        raise HTTPException(status_code=404, detail="unknown badge")
    ctx = build_context(member, req.door, req.at or datetime.now())
    try:
        allowed = evaluate_rule(req.rule, ctx)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"rule error: {exc}")
    return SimulateResult(badge_id=req.badge_id, door=req.door, allowed=allowed)
