"""Selection-index scoring for the queen-rearing programme.

Breeders describe how they weigh traits with a small formula, for example
``0.4 * gentleness + 0.35 * honey_yield - 0.25 * swarming``, and the
service ranks candidate breeder queens with it.
"""
import ast
import logging
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("selection_index")
app = FastAPI(title="Queen selection index")

TRAITS = ("gentleness", "honey_yield", "swarming", "hygienic", "calmness", "varroa_load")
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class QueenScores(BaseModel):
    queen_id: str
    line: str
    scores: Dict[str, float] = Field(default_factory=dict)


class RankRequest(BaseModel):
    formula: str
    queens: List[QueenScores]
    top: int = 10


class IndexFormula:
    """A breeder-supplied weighting of the recorded traits."""

    def __init__(self, expression: str):
        self.expression = expression.strip()
        self.tree = ast.parse(self.expression, mode="eval")

    def _eval_node(self, node, env):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval_node(node.operand, env)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](self._eval_node(node.left, env), self._eval_node(node.right, env))
        raise ValueError("unsupported element in formula")

    def evaluate(self, scores: Dict[str, float]) -> float:
        env = {trait: float(scores.get(trait, 0.0)) for trait in TRAITS}
        return float(self._eval_node(self.tree.body, env))


@app.post("/rank")
def rank_queens(req: RankRequest):
    if not req.formula:
        raise HTTPException(status_code=400, detail="formula is required")
    try:
        formula = IndexFormula(req.formula)
    except SyntaxError:
        raise HTTPException(status_code=400, detail="formula is not a valid expression")
    ranked = []
    for q in req.queens:
        try:
            value = formula.evaluate(q.scores)
        except Exception as exc:
            log.info("formula failed for queen %r: %r", q.queen_id, exc)
            raise HTTPException(status_code=422, detail="formula could not be evaluated")
        ranked.append({"queen_id": q.queen_id, "line": q.line, "index": round(value, 3)})
    ranked.sort(key=lambda r: r["index"], reverse=True)
    return {"formula": formula.expression, "results": ranked[: max(1, req.top)]}


@app.get("/traits")
def list_traits():
    return {"traits": list(TRAITS)}
