"""Numeric-answer grading for the quiz service.

Instructors attach a formula to a question (e.g. ``mass * 9.81``) and the
service computes the expected answer for each student's randomised variables.
Students may also submit their working as an expression.
"""
import math
import logging
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="quiz-grader")
log = logging.getLogger("quiz.grader")

MATH_NAMES = {name: getattr(math, name) for name in ("sqrt", "sin", "cos", "tan", "log", "exp", "pi", "e")}


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

    def evaluate(self, expression: str) -> float:
        expression = expression.replace("^", "**")
        return float(eval(expression, self.scope))  # VULN flow


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
        log.warning("bad formula on question: %s", exc)
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
