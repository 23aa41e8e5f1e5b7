"""Operator-defined leak alarm rules for the DMA flow monitoring service.

Control room staff write small boolean expressions against the minimum
night flow metrics, e.g. ``night_flow > 4.5 and imbalance > 0.8``.
"""
import ast
import logging
import math
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="leak-alarm-rules")
log = logging.getLogger("leak_rules")

RULES: Dict[str, dict] = {}

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub,
            ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMP_OPS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
            ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_FUNCS = {"abs": abs, "min": min, "max": max, "sqrt": math.sqrt}


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


def _eval_node(node, env):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise ValueError(f"unknown metric {node.id!r}")
        return env[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        value = _eval_node(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else not value
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, env), _eval_node(node.right, env))
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, env) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare) and all(type(op) in _CMP_OPS for op in node.ops):
        left = _eval_node(node.left, env)
        for op, comp in zip(node.ops, node.comparators):
            right = _eval_node(comp, env)
            if not _CMP_OPS[type(op)](left, right):
                return False
            left = right
        return True
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        return _FUNCS[node.func.id](*[_eval_node(a, env) for a in node.args])
    raise ValueError(f"unsupported syntax: {type(node).__name__}")


def evaluate(expression: str, sample: Sample) -> bool:
    env = _context(sample)
    tree = ast.parse(expression, mode="eval")
    return bool(_eval_node(tree.body, env))


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
