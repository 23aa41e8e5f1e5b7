"""Custom scoring rules for quizzes.

Teachers can define how an attempt is scored, for example
``correct * 2 - wrong * 0.5 + min(streak, 5)``.
"""
import logging
import math
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger(__name__)
app = FastAPI(title="quiz-scoring")

ALLOWED_FUNCS = {"min": min, "max": max, "round": round, "sqrt": math.sqrt, "abs": abs}
FORMULAS: Dict[int, str] = {}
SAMPLE_VARS = {"correct": 7, "wrong": 2, "skipped": 1, "streak": 3, "seconds": 95.0}


class FormulaIn(BaseModel):
    expression: str


class Attempt(BaseModel):
    quiz_id: int
    correct: int
    wrong: int
    skipped: int = 0
    streak: int = 0
    seconds: float = 0.0


def evaluate_formula(expression: str, variables: Dict[str, float]) -> float:
    scope = dict(ALLOWED_FUNCS)
    scope.update(variables)
    return float(eval(expression, {"__builtins__": {}}, scope))  # VULN flow


def default_score(attempt: Attempt) -> float:
    total = attempt.correct + attempt.wrong + attempt.skipped
    return 100.0 * attempt.correct / total if total else 0.0


@app.put("/quizzes/{quiz_id}/formula")
def set_formula(quiz_id: int, body: FormulaIn):
    expr = body.expression.strip()
    if not expr or len(expr) > 500:
        raise HTTPException(status_code=400, detail="formula must be 1-500 characters")
    # run it once against sample values so typos are caught at save time
    try:
        preview = evaluate_formula(expr, SAMPLE_VARS)
    except Exception as exc:
        raise HTTPException(status_code=400, detail=f"invalid formula: {exc}")
    FORMULAS[quiz_id] = expr
    log.info("formula updated for quiz %d", quiz_id)
    return {"quiz_id": quiz_id, "expression": expr, "preview": preview}


@app.get("/quizzes/{quiz_id}/formula")
def get_formula(quiz_id: int):
    return {"quiz_id": quiz_id, "expression": FORMULAS.get(quiz_id)}


@app.post("/attempts/score")
def score_attempt(attempt: Attempt):
    expr = FORMULAS.get(attempt.quiz_id)
    if expr is None:
        return {"score": round(default_score(attempt), 2), "formula": None}
    try:
        score = evaluate_formula(expr, attempt.dict(exclude={"quiz_id"}))
    except (ArithmeticError, ValueError) as exc:
        log.warning("formula error for quiz %d: %s", attempt.quiz_id, exc)
        score = default_score(attempt)
    return {"score": round(score, 2), "formula": expr}
