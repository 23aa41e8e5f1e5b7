"""Operator-defined leak alarm rules for the DMA flow monitoring service.

Control room staff write small boolean expressions against the minimum
night flow metrics, e.g. ``night_flow > 4.5 and imbalance > 0.8``.
"""
import logging
import math
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="leak-alarm-rules")
log = logging.getLogger("leak_rules")

RULES: Dict[str, dict] = {}


class Rule(BaseModel):
    name: str = Field(..., max_length=64)
    dma: str = Field(..., max_length=16)
    expression: str = Field(..., max_length=256)
    severity: str = "warning"


class Sample(BaseModel):
    night_flow: float
    inflow: float
    outflow: float
    pressure: float


def _context(sample: Sample) -> dict:
    ctx = sample.dict()
    ctx["imbalance"] = sample.inflow - sample.outflow
    return ctx


def evaluate(expression: str, sample: Sample) -> bool:
    env = {"abs": abs, "min": min, "max": max, "sqrt": math.sqrt}
    env.update(_context(sample))
    return bool(eval(expression, {"__builtins__": {}}, env))  # VULN flow


@app.post("/rules", status_code=201)
def create_rule(rule: Rule):
    if rule.name in RULES:
        raise HTTPException(status_code=409, detail="rule already exists")
    RULES[rule.name] = rule.dict()
    log.info("rule %r created for DMA %r", rule.name, rule.dma)
    return {"created": rule.name}


@app.post("/rules/{name}/test")
def test_rule(name: str, sample: Sample):
    rule = RULES.get(name)
    if rule is None:
        raise HTTPException(status_code=404, detail="unknown rule")
    try:
        fired = evaluate(rule["expression"], sample)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"rule error: {exc}")
    return {"rule": name, "fired": fired}


@app.post("/dma/{dma}/evaluate")
def evaluate_dma(dma: str, sample: Sample):
    fired: List[dict] = []
    for rule in RULES.values():
        if rule["dma"] != dma:
            continue
        try:
            if evaluate(rule["expression"], sample):
                fired.append({"rule": rule["name"], "severity": rule["severity"]})
        except Exception:
            log.exception("rule %r failed", rule["name"])
    return {"dma": dma, "alarms": fired}
