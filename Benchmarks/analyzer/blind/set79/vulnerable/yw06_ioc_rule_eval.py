"""Rule lab: analysts submit a draft detection rule plus sample events and see what fires."""
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="rule-lab")


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

    helpers = {"len": len, "any": any, "all": all, "lower": str.lower}

    def __init__(self, rule: Rule):
        self.rule = rule
        self._expr = self._normalise(rule.condition)

    @staticmethod
    def _normalise(cond: str) -> str:
        return cond.replace(" AND ", " and ").replace(" OR ", " or ").replace(" NOT ", " not ")

    def matches(self, event: dict) -> bool:
        scope = dict(self.helpers, event=event)
        return bool(eval(self._expr, {"__builtins__": {}}, scope))  # VULN flow


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
