"""KPI service: analysts submit formulas evaluated against monthly figures."""
import ast
import operator
from typing import Dict

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="kpi-service")

MONTHLY_FIGURES: Dict[str, Dict[str, float]] = {
    "2024-01": {"revenue": 182000.0, "cost": 121500.0, "orders": 4210, "refunds": 87},
    "2024-02": {"revenue": 175400.0, "cost": 118900.0, "orders": 3987, "refunds": 93},
    "2024-03": {"revenue": 201250.0, "cost": 130100.0, "orders": 4602, "refunds": 71},
}

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


class FormulaRequest(BaseModel):
    name: str = Field(..., max_length=64)
    formula: str = Field(..., max_length=500)


class FormulaResult(BaseModel):
    name: str
    month: str
    value: float


def month_figures(month: str = Query(..., pattern=r"^\d{4}-\d{2}$")) -> Dict[str, float]:
    figures = MONTHLY_FIGURES.get(month)
    if figures is None:
        raise HTTPException(status_code=404, detail="no figures for month")
    return figures


class FormulaEvaluator:
    """Evaluates arithmetic over named figures: + - * / and parentheses only."""

    def __init__(self, figures: Dict[str, float]):
        self.figures = dict(figures)

    def evaluate(self, expression: str) -> float:
        tree = ast.parse(expression, mode="eval")
        return float(self._eval(tree.body))

    def _eval(self, node):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.figures:
            return self.figures[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
            return _BIN_OPS[type(node.op)](self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
            return _UNARY_OPS[type(node.op)](self._eval(node.operand))
        raise ValueError("unsupported element in formula")


@app.post("/kpi/evaluate", response_model=FormulaResult)
def evaluate_kpi(
    req: FormulaRequest,
    month: str = Query(...),
    figures: Dict[str, float] = Depends(month_figures),
) -> FormulaResult:
    evaluator = FormulaEvaluator(figures)
    try:
        value = evaluator.evaluate(req.formula)
    except ZeroDivisionError:
        raise HTTPException(status_code=422, detail="division by zero")
    except Exception:
        raise HTTPException(status_code=422, detail="formula could not be evaluated")
    return FormulaResult(name=req.name, month=month, value=value)


@app.get("/kpi/variables")
def list_variables(figures: Dict[str, float] = Depends(month_figures)):
    return {"variables": sorted(figures)}
