"""Custom scoring rules for quizzes.

Teachers can define how an attempt is scored, for example
``correct * 2 - wrong * 0.5 + min(streak, 5)``.
"""
import ast
import logging
import math
import operator
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger(__name__)
app = FastAPI(title="quiz-scoring")

ALLOWED_FUNCS = {"min": min, "max": max, "round": round, "sqrt": math.sqrt, "abs": abs}
BINARY_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
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


def _eval_node(node: ast.AST, scope: Dict[str, float]) -> float:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPS:
        return BINARY_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _eval_node(node.operand, scope)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ALLOWED_FUNCS and not node.keywords:
        return ALLOWED_FUNCS[node.func.id](*(_eval_node(a, scope) for a in node.args))
    raise ValueError(f"unsupported element: {type(node).__name__}")


def evaluate_formula(expression: str, variables: Dict[str, float]) -> float:
    tree = ast.parse(expression, mode="eval")
    return float(_eval_node(tree, dict(variables)))


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
