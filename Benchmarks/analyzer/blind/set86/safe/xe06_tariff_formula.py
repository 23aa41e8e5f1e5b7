"""Tariff preview service.

Pricing managers at partner CPOs define ad-hoc tariffs as small arithmetic
formulas over session usage (kWh, minutes plugged in, idle minutes, peak
flag). The console calls /tariffs/preview before saving a new formula.
"""
import ast
import logging
import operator
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="tariff-preview")
log = logging.getLogger("tariffs")


class Usage(BaseModel):
    kwh: float = Field(ge=0)
    minutes: float = Field(ge=0)
    idle_minutes: float = 0
    peak: bool = False


class PreviewRequest(BaseModel):
    formula: str = Field(max_length=400)
    currency: str = "EUR"
    samples: Optional[Dict[str, Usage]] = None


class TariffEngine:
    VARIABLES = ("kwh", "minutes", "idle_minutes", "peak")
    HELPERS = {"min": min, "max": max, "round": round, "abs": abs}
    BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub,
              ast.Mult: operator.mul, ast.Div: operator.truediv}

    def __init__(self, formula: str):
        self.formula = formula.strip()
        self.tree = ast.parse(self.formula, mode="eval")

    def _eval(self, node, scope):
        if isinstance(node, ast.Expression):
            return self._eval(node.body, scope)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.VARIABLES:
            return scope[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in self.BINOPS:
            return self.BINOPS[type(node.op)](self._eval(node.left, scope), self._eval(node.right, scope))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval(node.operand, scope)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in self.HELPERS and not node.keywords):
            return self.HELPERS[node.func.id](*[self._eval(a, scope) for a in node.args])
        raise ValueError("unsupported expression element: %s" % type(node).__name__)

    def evaluate(self, usage: Usage) -> float:
        scope = {name: float(getattr(usage, name)) for name in self.VARIABLES}
        price = self._eval(self.tree, scope)
        return round(float(price), 2)


DEFAULT_SAMPLES = {
    "short_ac": Usage(kwh=7.4, minutes=60),
    "dc_fast": Usage(kwh=42.0, minutes=25, peak=True),
    "overnight_idle": Usage(kwh=22.0, minutes=600, idle_minutes=420),
}


@app.post("/tariffs/preview")
def preview(req: PreviewRequest):
    try:
        engine = TariffEngine(req.formula)
    except SyntaxError as exc:
        raise HTTPException(status_code=422, detail="formula error: %s" % exc.msg)
    samples = req.samples or DEFAULT_SAMPLES
    results = {}
    for label, usage in samples.items():
        try:
            results[label] = engine.evaluate(usage)
        except ZeroDivisionError:
            raise HTTPException(status_code=422, detail="division by zero in %s" % label)
        except Exception as exc:
            raise HTTPException(status_code=422, detail="formula error: %s" % exc)
        if results[label] < 0:
            raise HTTPException(status_code=422, detail="negative price for %s" % label)
    log.info("previewed tariff %r over %d samples", req.formula, len(results))
    return {"currency": req.currency, "prices": results}
