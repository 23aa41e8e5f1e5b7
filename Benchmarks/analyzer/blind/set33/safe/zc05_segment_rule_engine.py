"""Segment rule evaluation service for the analytics dashboard."""
import json
import operator
import os
from functools import lru_cache
from typing import Any, Dict, List, Literal, Union

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="segment-rules")

OPERATORS = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
    "in": lambda left, right: left in right,
}


class Workspace(BaseModel):
    id: str
    plan: str
    max_events: int = 5000


class Condition(BaseModel):
    field: str = Field(..., max_length=64)
    op: Literal["eq", "ne", "gt", "ge", "lt", "le", "in"]
    value: Union[str, int, float, bool, List[Union[str, int, float]]]


class Rule(BaseModel):
    name: str = Field(..., max_length=80)
    expression: List[Condition] = Field(..., max_length=20)


class EvaluateRequest(BaseModel):
    rules: List[Rule]
    events: List[Dict[str, Any]]


@lru_cache(maxsize=1)
def workspace_registry() -> Dict[str, Workspace]:
    path = os.environ.get("WORKSPACE_REGISTRY", "/etc/segment-rules/workspaces.json")
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return {token: Workspace(**item) for token, item in raw.items()}


async def current_workspace(x_workspace_token: str = Header(...)) -> Workspace:
    workspace = workspace_registry().get(x_workspace_token)
    if workspace is None:
        raise HTTPException(status_code=401, detail="unknown workspace token")
    return workspace


class RuleEvaluator:
    def __init__(self, rule: Rule):
        self.rule = rule

    def matches(self, event: Dict[str, Any]) -> bool:
        return all(
            OPERATORS[cond.op](event.get(cond.field), cond.value) for cond in self.rule.expression
        )

    def count(self, events: List[Dict[str, Any]]) -> int:
        return sum(1 for event in events if self.matches(event))


@app.post("/v1/segments/evaluate")
async def evaluate(body: EvaluateRequest, workspace: Workspace = Depends(current_workspace)):
    if len(body.events) > workspace.max_events:
        raise HTTPException(status_code=413, detail="too many events for plan")
    results = {}
    for rule in body.rules:
        evaluator = RuleEvaluator(rule)
        try:
            results[rule.name] = evaluator.count(body.events)
        except TypeError:
            raise HTTPException(status_code=422, detail=f"rule '{rule.name}' could not be evaluated")
    return {"workspace": workspace.id, "matches": results, "total_events": len(body.events)}


@app.get("/v1/health")
async def health():
    return {"status": "ok"}
