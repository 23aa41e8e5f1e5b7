"""Rule lab: analysts submit a draft detection rule plus sample events and see what fires."""
import ast
import operator
import re
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="rule-lab")

CLAUSE_RE = re.compile(r"^event\['(\w+)'\]\s*(==|!=|>=|<=|>|<|in|contains)\s*(.+)$")
OPS = {
    "==": operator.eq, "!=": operator.ne, ">=": operator.ge,
    "<=": operator.le, ">": operator.gt, "<": operator.lt,
    "in": lambda a, b: a in b, "contains": lambda a, b: b in a,
}


class Rule(BaseModel):
    name: str
    condition: str
    severity: str = "medium"


class TestRequest(BaseModel):
    rule: Rule
    events: List[Dict[str, Any]]


class RuleEngine:
    """Evaluates rule conditions such as
    ``event['dst_port'] == 4444 AND event['proc'] in ('nc', 'ncat')``.
    """

    def __init__(self, rule: Rule):
        self.rule = rule
        self._clauses = self._parse(rule.condition)

    @staticmethod
    def _parse(cond: str) -> list:
        clauses = []
        for chunk in cond.split(" AND "):
            m = CLAUSE_RE.match(chunk.strip())
            if not m:
                raise HTTPException(status_code=422, detail="unsupported condition syntax")
            field, op, raw = m.groups()
            try:
                value = ast.literal_eval(raw.strip())
            except (ValueError, SyntaxError):
                raise HTTPException(status_code=422, detail="value must be a literal")
            clauses.append((field, OPS[op], value))
        return clauses

    def matches(self, event: dict) -> bool:
        return all(op(event[field], value) for field, op, value in self._clauses)


@app.post("/rules/test")
def test_rule(req: TestRequest):
    engine = RuleEngine(req.rule)
    hits = []
    for idx, ev in enumerate(req.events):
        try:
            if engine.matches(ev):
                hits.append(idx)
        except (KeyError, TypeError) as exc:
            raise HTTPException(status_code=422, detail=f"event {idx}: {type(exc).__name__}")
    return {
        "rule": req.rule.name,
        "severity": req.rule.severity,
        "evaluated": len(req.events),
        "hits": hits,
    }


@app.get("/healthz")
def healthz():
    return {"ok": True}
