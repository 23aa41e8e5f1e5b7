"""Rate plan preview API: resellers define a markup formula over wholesale rates."""
import ast
import logging
import math
from decimal import Decimal
from typing import List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="rate plans")
log = logging.getLogger("rateplans")

WHOLESALE = {
    "US": Decimal("0.0045"),
    "GB": Decimal("0.0090"),
    "DE": Decimal("0.0110"),
    "IN": Decimal("0.0160"),
    "NG": Decimal("0.0930"),
}

_ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load,
                  ast.Call, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd)
_ALLOWED_NAMES = {"cost", "ceil", "round"}


class PreviewRequest(BaseModel):
    plan_name: str = Field(..., max_length=64)
    markup_formula: str = Field(..., max_length=200, description="e.g. cost * 1.4 + 0.002")
    countries: List[str] = ["US", "GB"]


class RateCalculator:
    """Applies a reseller markup formula to a wholesale per-minute cost."""

    def __init__(self, formula: str):
        self.formula = formula.strip()
        self.code = self._compile(self.formula)

    @staticmethod
    def _compile(formula: str):
        tree = ast.parse(formula, mode="eval")
        for node in ast.walk(tree):
            if not isinstance(node, _ALLOWED_NODES):
                raise ValueError(f"unsupported syntax: {type(node).__name__}")
            if isinstance(node, ast.Name) and node.id not in _ALLOWED_NAMES:
                raise ValueError(f"unknown name: {node.id}")
            if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
                raise ValueError("only numeric constants allowed")
            if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in {"ceil", "round"}):
                raise ValueError("only ceil() and round() may be called")
        return compile(tree, "<formula>", "eval")

    def _env(self, cost: Decimal, country: str) -> dict:
        return {"cost": float(cost), "ceil": math.ceil, "round": round}

    def apply(self, cost: Decimal, country: str) -> float:
        value = eval(self.code, {"__builtins__": {}}, self._env(cost, country))
        return round(float(value), 5)


@app.post("/rateplans/preview")
def preview(req: PreviewRequest):
    try:
        calc = RateCalculator(req.markup_formula)
    except (SyntaxError, ValueError) as exc:
        raise HTTPException(status_code=422, detail=f"formula error: {exc}")
    result = {}
    for country in req.countries:
        cost = WHOLESALE.get(country.upper())
        if cost is None:
            continue
        try:
            retail = calc.apply(cost, country.upper())
        except Exception as exc:
            raise HTTPException(status_code=422, detail=f"formula error: {exc}")
        if retail < float(cost):
            raise HTTPException(status_code=422, detail=f"retail below cost for {country}")
        result[country.upper()] = {"wholesale": float(cost), "retail": retail}
    log.info("preview for plan %r: %d countries", req.plan_name, len(result))
    return {"plan": req.plan_name, "rates": result}
