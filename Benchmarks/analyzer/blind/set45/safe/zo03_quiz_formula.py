"""Numeric-answer grading for the quiz service.

Instructors attach a formula to a question (e.g. ``mass * 9.81``) and the
service computes the expected answer for each student's randomised variables.
Students may also submit their working as an expression.
"""
import ast
import math
import logging
import operator
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="quiz-grader")
log = logging.getLogger("quiz.grader")

MATH_NAMES = {name: getattr(math, name) for name in ("sqrt", "sin", "cos", "tan", "log", "exp", "pi", "e")}
BIN_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow, ast.Mod: operator.mod,
}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


class NumericQuestion(BaseModel):
    formula: str
    variables: Dict[str, float] = {}
    tolerance: float = 0.01


class Submission(BaseModel):
    question: NumericQuestion
    answer: Optional[float] = None
    working: Optional[str] = None


class FormulaEvaluator:
    def __init__(self, variables: Dict[str, float]):
        self.scope = dict(MATH_NAMES)
        self.scope.update(variables)

    def _eval(self, node):
        if isinstance(node, ast.Expression):
            return self._eval(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.scope:
            return self.scope[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            return BIN_OPS[type(node.op)](self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
            return UNARY_OPS[type(node.op)](self._eval(node.operand))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and callable(MATH_NAMES.get(node.func.id)):
            return MATH_NAMES[node.func.id](*[self._eval(arg) for arg in node.args])
        raise ValueError("unsupported expression")

    def evaluate(self, expression: str) -> float:
        expression = expression.replace("^", "**")
        if len(expression) > 200:
            raise ValueError("expression too long")
        return float(self._eval(ast.parse(expression, mode="eval")))


def within_tolerance(expected: float, actual: float, tolerance: float) -> bool:
    if expected == 0:
        return abs(actual) <= tolerance
    return abs(expected - actual) / abs(expected) <= tolerance


@app.post("/grade")
def grade(submission: Submission):
    question = submission.question
    evaluator = FormulaEvaluator(question.variables)
    try:
        expected = evaluator.evaluate(question.formula)
    except Exception as exc:
        log.warning("bad formula on question: %r", exc)
        raise HTTPException(status_code=422, detail="formula could not be evaluated")

    if submission.answer is not None:
        actual = submission.answer
    elif submission.working:
        try:
            actual = evaluator.evaluate(submission.working)
        except Exception:
            raise HTTPException(status_code=422, detail="working could not be evaluated")
    else:
        raise HTTPException(status_code=400, detail="answer or working required")

    correct = within_tolerance(expected, actual, question.tolerance)
    return {"correct": correct, "expected": round(expected, 6), "received": actual}
