"""Selection-index scoring for the queen-rearing programme.

Breeders describe how they weigh traits with a small formula, for example
``0.4 * gentleness + 0.35 * honey_yield - 0.25 * swarming``, and the
service ranks candidate breeder queens with it.
"""
import logging
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("selection_index")
app = FastAPI(title="Queen selection index")

TRAITS = ("gentleness", "honey_yield", "swarming", "hygienic", "calmness", "varroa_load")


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

    def evaluate(self, scores: Dict[str, float]) -> float:
        env = {trait: float(scores.get(trait, 0.0)) for trait in TRAITS}
        return float(eval(self.expression, {"__builtins__": {}}, env))  # VULN flow


@app.post("/rank")
def rank_queens(req: RankRequest):
    if not req.formula:
        raise HTTPException(status_code=400, detail="formula is required")
    formula = IndexFormula(req.formula)
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
